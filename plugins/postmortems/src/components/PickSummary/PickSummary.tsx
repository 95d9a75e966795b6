import { Link, MarkdownContent } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Postmortem } from '@postmortems/backstage-plugin-postmortems-common';
import { useLanguage } from '../../hooks/useLanguage';
import { usePostmortemLink } from '../../hooks/usePostmortemLink';
import { formatDate, formatRelative } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { SeverityChip } from '../SeverityChip';

const SUMMARY_LINES = 3;
const SUMMARY_CHARS = 280;

/**
 * The first lines of a postmortem's summary: enough to recall the incident
 * on a card, not so much that the card becomes the postmortem.
 */
export function summaryExcerpt(postmortem: Postmortem): string {
  const lines = (postmortem.sections.summary ?? '')
    .split('\n')
    .map(line => line.trimEnd())
    .filter(line => line.trim() !== '')
    .slice(0, SUMMARY_LINES);
  const text = lines.join('\n');
  return text.length > SUMMARY_CHARS
    ? `${text.slice(0, SUMMARY_CHARS).trimEnd()}…`
    : text;
}

/**
 * A postmortem in a few lines: title (linked), services, severity, when it
 * happened and how long ago, and the start of its summary.
 */
export const PickSummary = (props: {
  postmortem: Postmortem;
  /** Show the start of the summary (the card does; lists do not). */
  withSummary?: boolean;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const link = usePostmortemLink();
  const p = props.postmortem;
  const href = link(p.id);
  const excerpt = props.withSummary ? summaryExcerpt(p) : '';
  return (
    <Box>
      <Typography variant="subtitle1" component="div">
        <strong>{href ? <Link to={href}>{p.title}</Link> : p.title}</strong>
      </Typography>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
        my={0.5}
      >
        <SeverityChip severity={p.severity} />
        <Typography variant="body2" component="span">
          <EntityRefLinks entityRefs={p.entityRefs} defaultKind="component" />
        </Typography>
        <Typography variant="body2" color="textSecondary" component="span">
          {t('readingSession.happened', {
            date: formatDate(p.startedAt, language),
            relative: formatRelative(p.startedAt, language),
          })}
        </Typography>
        {p.readings && p.readings.count > 0 && (
          <Chip
            size="small"
            variant="outlined"
            label={t('readingSession.readingsCount', {
              count: p.readings.count,
              when: p.readings.lastReadAt
                ? formatDate(p.readings.lastReadAt, language)
                : t('common.none'),
            })}
          />
        )}
      </Box>
      {excerpt && (
        <Box color="text.secondary">
          <MarkdownContent content={excerpt} />
        </Box>
      )}
    </Box>
  );
};
