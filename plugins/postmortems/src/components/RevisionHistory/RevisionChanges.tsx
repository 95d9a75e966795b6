import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { PostmortemRevision } from '@postmortems/backstage-plugin-postmortems-common';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDateTime } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { useFieldLabel } from './useFieldLabel';

type Snapshot = PostmortemRevision['snapshot'];

/** Longer texts are cut here, so one change does not fill the card. */
const MAX_TEXT = 60;

const TIME_FIELDS = ['startedAt', 'detectedAt', 'mitigatedAt', 'resolvedAt'];
const REF_FIELDS = ['entityRefs', 'authors'];

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** The keys of the sections whose text differs between two snapshots. */
function changedSections(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([
    ...Object.keys(before.sections ?? {}),
    ...Object.keys(after.sections ?? {}),
  ]);
  return [...keys].filter(
    key => (before.sections?.[key] ?? '') !== (after.sections?.[key] ?? ''),
  );
}

/**
 * What one change did, field by field, old → new: computed from the
 * snapshot before it and its own. Sections only say which of them changed
 * (their text is too long to show twice), the timeline how many entries it
 * had; entities and people are shown by their catalog titles.
 */
export const RevisionChanges = (props: {
  revision: PostmortemRevision;
  previous: PostmortemRevision;
  /** The title of a section, by its key. */
  sectionName?: (key: string) => string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const fieldLabel = useFieldLabel();
  const before = props.previous.snapshot;
  const after = props.revision.snapshot;

  const value = (field: string, snapshot: Snapshot): string | JSX.Element => {
    const raw = (snapshot as Record<string, unknown>)[field];
    const empty = t('revisionChange.empty');
    if (raw === undefined || raw === null || raw === '') return empty;
    if (REF_FIELDS.includes(field)) {
      const refs = raw as string[];
      return refs.length === 0 ? (
        empty
      ) : (
        <EntityRefLinks
          entityRefs={refs}
          defaultKind={field === 'authors' ? 'user' : 'component'}
        />
      );
    }
    if (TIME_FIELDS.includes(field)) {
      return formatDateTime(raw as string, language);
    }
    switch (field) {
      case 'status':
        return t(`postmortemStatus.${snapshot.status}`);
      case 'severity':
        return t(`severity.${snapshot.severity}`);
      case 'detection':
        return t(`detection.${snapshot.detection}`);
      case 'timeline':
        return t('revisionChange.entries', {
          n: String((raw as unknown[]).length),
        });
      default:
        if (Array.isArray(raw)) {
          return raw.length === 0 ? empty : shorten(raw.join(', '));
        }
        return typeof raw === 'string' ? shorten(raw) : empty;
    }
  };

  const line = (field: string): string | JSX.Element => {
    const label = fieldLabel(field);
    if (field === 'sections') {
      const names = changedSections(before, after).map(
        key => props.sectionName?.(key) ?? key,
      );
      return names.length > 0
        ? t('revisionChange.changedNamed', {
            field: label,
            names: names.join(', '),
          })
        : t('revisionChange.changed', { field: label });
    }
    const from = value(field, before);
    const to = value(field, after);
    // A long text changed inside the part that is cut off would read
    // "a… → a…": say that it changed instead.
    if (typeof from === 'string' && from === to) {
      return t('revisionChange.changed', { field: label });
    }
    return t('revisionChange.change', { field: label, from, to });
  };

  return (
    <Box component="ul" m={0} pl={2}>
      {props.revision.changedFields.map(field => (
        <Typography key={field} component="li" variant="body2">
          {line(field)}
        </Typography>
      ))}
    </Box>
  );
};
