import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { PostmortemRevision } from '@postmortems/backstage-plugin-postmortems-common';
import useAsync from 'react-use/esm/useAsync';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDateTime, formatRelative } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { RevisionChanges } from './RevisionChanges';
import { useFieldLabel } from './useFieldLabel';

/** Every accepted change of a postmortem, newest first. */
export const RevisionHistory = (props: {
  postmortemId: string;
  /** Changes when the postmortem does, so the history follows edits. */
  version: number;
  /** The title of a section, by its key; the key where not given. */
  sectionName?: (key: string) => string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const language = useLanguage();
  const fieldLabel = useFieldLabel();
  const { value, loading, error } = useAsync(
    () => api.listRevisions(props.postmortemId),
    [api, props.postmortemId, props.version],
  );

  const describe = (
    revision: PostmortemRevision,
    previous?: PostmortemRevision,
  ) => {
    const user = (
      <EntityRefLink entityRef={revision.changedBy} defaultKind="user" />
    );
    switch (revision.action) {
      case 'created':
        return t('detail.revisionCreated', { user });
      case 'deleted':
        return t('detail.revisionDeleted', { user });
      case 'restored':
        return t('detail.revisionRestored', { user });
      default:
        // Without the version before it (not recorded), only the names of
        // the fields can be told.
        if (previous) {
          return (
            <>
              {t('revisionChange.changedBy', { user })}
              <RevisionChanges
                revision={revision}
                previous={previous}
                sectionName={props.sectionName}
              />
            </>
          );
        }
        return t('detail.revisionUpdated', {
          user,
          fields: revision.changedFields.map(fieldLabel).join(', '),
        });
    }
  };

  return (
    <InfoCard title={t('detail.history')}>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.length === 0 && (
        <Typography color="textSecondary">
          {t('detail.emptyHistory')}
        </Typography>
      )}
      {value && value.length > 0 && (
        <List dense disablePadding>
          {[...value]
            .sort((a, b) => b.version - a.version)
            .map((revision, _index, newestFirst) => (
              <ListItem key={revision.version} disableGutters>
                <ListItemText
                  primaryTypographyProps={{ component: 'div' }}
                  primary={describe(
                    revision,
                    newestFirst.find(
                      other => other.version === revision.version - 1,
                    ),
                  )}
                  secondary={`${t('detail.version', {
                    version: String(revision.version),
                  })} · ${formatDateTime(
                    revision.changedAt,
                    language,
                  )} (${formatRelative(revision.changedAt, language)})`}
                />
              </ListItem>
            ))}
        </List>
      )}
    </InfoCard>
  );
};
