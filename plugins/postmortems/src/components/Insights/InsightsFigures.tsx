import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Insights } from '@postmortems/backstage-plugin-postmortems-common';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDays, formatShare } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';

const HEADING_ID = 'postmortem-insights-figures';

/** A number with what it is and what it is of, as a term and its value. */
const Figure = (props: { label: string; value: string; detail: string }) => (
  <Grid item xs={12} sm={4} component="div">
    <Typography variant="body2" component="dt">
      {props.label}
    </Typography>
    <Typography variant="h4" component="dd" style={{ margin: 0 }}>
      {props.value}
      {/* The detail belongs to the value, for screen readers too. */}
      <Typography
        variant="body2"
        component="span"
        color="textSecondary"
        style={{ display: 'block' }}
      >
        {props.detail}
      </Typography>
    </Typography>
  </Grid>
);

/**
 * The numbers of the range that are one number each: the median time to
 * close an action item, the share closed by their due date, and the share
 * of the postmortems read in a reading session.
 */
export const InsightsFigures = (props: { insights: Insights }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const { actionItems, reading } = props.insights;
  const count = (n: number) => new Intl.NumberFormat(language).format(n);
  const noValue = t('insights.noValue');

  return (
    <Card component="section" aria-labelledby={HEADING_ID}>
      <CardContent>
        <Typography variant="h6" component="h3" id={HEADING_ID} gutterBottom>
          {t('insights.figuresTitle')}
        </Typography>
        <Grid container spacing={2} component="dl" style={{ margin: 0 }}>
          <Figure
            label={t('insights.medianDaysToClose')}
            value={
              actionItems.medianDaysToClose === null
                ? noValue
                : formatDays(actionItems.medianDaysToClose, language)
            }
            detail={t('insights.medianDaysToCloseHelp')}
          />
          <Figure
            label={t('insights.closedByDueDate')}
            value={
              actionItems.closedByDueDateShare === null
                ? noValue
                : formatShare(actionItems.closedByDueDateShare, language)
            }
            detail={t('insights.closedByDueDateOf', {
              closed: count(actionItems.closedByDueDate),
              due: count(actionItems.dueInRange),
            })}
          />
          <Figure
            label={t('insights.readShare')}
            value={
              reading.share === null
                ? noValue
                : formatShare(reading.share, language)
            }
            detail={t('insights.readShareOf', {
              read: count(reading.read),
              total: count(reading.postmortems),
            })}
          />
        </Grid>
      </CardContent>
    </Card>
  );
};
