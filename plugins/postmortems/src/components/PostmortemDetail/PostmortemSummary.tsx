import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import { useTheme } from '@material-ui/core/styles';
import { Postmortem } from '@postmortems/backstage-plugin-postmortems-common';
import { useLanguage } from '../../hooks/useLanguage';
import { durationBetween, formatDuration } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { Fact } from '../Fact';
import { SeverityChip } from '../SeverityChip';

/** The id of the action items section, which the counts link to. */
export const ACTION_ITEMS_ANCHOR = 'postmortem-action-items';

/**
 * The strip at the top of a postmortem: how bad, how far written, how it
 * was found, how long each phase took, and what is left to do, so a reader
 * knows where the postmortem stands before scrolling.
 */
export const PostmortemSummary = (props: { postmortem: Postmortem }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const theme = useTheme();
  const p = props.postmortem;
  const { open, overdue, done } = p.actionItemCounts;

  const span = (to?: string) => {
    const ms = durationBetween(p.startedAt, to);
    return ms === undefined ? t('common.none') : formatDuration(ms, language);
  };
  const count = (text: string, color?: string) => (
    // A plain fragment link: the browser scrolls to the section and the
    // back button returns to the top.
    <Link
      href={`#${ACTION_ITEMS_ANCHOR}`}
      style={color ? { color, fontWeight: 600 } : undefined}
    >
      {text}
    </Link>
  );

  return (
    <Paper
      component="section"
      aria-label={t('summary.label')}
      variant="outlined"
      style={{ marginBottom: theme.spacing(3) }}
    >
      <Box
        display="flex"
        flexWrap="wrap"
        px={2}
        pt={1.5}
        pb={0.5}
        style={{ columnGap: theme.spacing(4) }}
      >
        <Fact label={t('detail.severity')}>
          <SeverityChip severity={p.severity} />
        </Fact>
        <Fact label={t('detail.status')}>
          {t(`postmortemStatus.${p.status}`)}
        </Fact>
        <Fact label={t('detail.detection')}>
          {t(`detection.${p.detection}`)}
        </Fact>
        <Fact label={t('summary.timeToDetect')}>{span(p.detectedAt)}</Fact>
        <Fact label={t('summary.timeToMitigate')}>{span(p.mitigatedAt)}</Fact>
        <Fact label={t('summary.timeToResolve')}>{span(p.resolvedAt)}</Fact>
        <Fact label={t('summary.actionItems')}>
          {open + done === 0 ? (
            count(t('summary.noActionItems'))
          ) : (
            <Box display="flex" style={{ gap: theme.spacing(1.5) }}>
              {count(t('summary.open', { n: String(open) }))}
              {overdue > 0 &&
                count(
                  t('summary.overdue', { n: String(overdue) }),
                  theme.palette.error.dark,
                )}
              {count(t('summary.done', { n: String(done) }))}
            </Box>
          )}
        </Fact>
      </Box>
    </Paper>
  );
};
