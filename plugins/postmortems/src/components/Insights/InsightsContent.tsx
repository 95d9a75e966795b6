import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { Insights } from '@postmortems/backstage-plugin-postmortems-common';
import { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { useOwnedEntityRefs } from '../../hooks/useOwnedEntityRefs';
import { formatMonth } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { InsightsChartCard } from './InsightsChartCard';
import { InsightsFigures } from './InsightsFigures';
import { InsightsRangePicker } from './InsightsRangePicker';
import { useInsightsDatasets } from './useInsightsDatasets';
import { useInsightsRange } from './useInsightsRange';

/**
 * The API takes at most this many `entityRef`s (the limit of every
 * repeatable query parameter).
 */
const MAX_ENTITY_REFS = 50;

/**
 * Whose insights: the postmortems about some entities (a service's tab),
 * about everything a team owns in the catalog (with action-item health
 * per owner), or about everything (with the entities that stand out).
 */
export type InsightsScope =
  | { type: 'entities'; entityRefs: string[] }
  | { type: 'team'; groupRef: string }
  | { type: 'portal' };

/** Nothing happened in the range: no incident, no action item moved. */
function isEmpty(insights: Insights): boolean {
  const { months, openByAge } = insights.actionItems;
  return (
    insights.incidents.every(m => m.total === 0) &&
    months.every(m => m.opened === 0 && m.closed === 0) &&
    Object.values(openByAge).every(n => n === 0)
  );
}

const InsightsCharts = (props: {
  insights: Insights;
  scope: InsightsScope['type'];
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const datasets = useInsightsDatasets(props.insights);
  const { range } = props.insights;
  const rangeLabel = t('insights.rangeShown', {
    from: formatMonth(range.from, language),
    to: formatMonth(range.to, language),
    timezone: range.timezone,
  });
  const card = (
    dataset: (typeof datasets)[keyof typeof datasets],
    width: 6 | 12 = 6,
  ) => (
    <Grid item xs={12} md={width}>
      <InsightsChartCard
        dataset={dataset}
        range={range}
        rangeLabel={rangeLabel}
      />
    </Grid>
  );
  return (
    <>
      <Typography variant="body2" color="textPrimary" gutterBottom>
        {rangeLabel}
      </Typography>
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <InsightsFigures insights={props.insights} />
        </Grid>
        {card(datasets.incidents)}
        {card(datasets.detection)}
        {card(datasets.durations)}
        {card(datasets.actionItems)}
        {card(datasets.openByAge)}
        {props.scope === 'team' && card(datasets.owners, 12)}
        {props.scope === 'portal' && (
          <>
            {card(datasets.topByIncidents)}
            {card(datasets.topByOverdue)}
          </>
        )}
      </Grid>
    </>
  );
};

/**
 * Insights of a scope over a range of months, the range kept in the URL:
 * incidents by severity and by how they were detected, the median times
 * to detect and resolve, how action items are opened, closed and aging,
 * and whether postmortems are read. Each chart has a table view and a CSV
 * download of its numbers; the chart library loads with the first chart.
 */
export const InsightsContent = (props: {
  scope: InsightsScope;
  /** Where "Write a postmortem" of the empty state leads, if anywhere. */
  newPostmortemLink?: string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const range = useInsightsRange();
  const { scope } = props;

  const owned = useOwnedEntityRefs(
    scope.type === 'team' ? scope.groupRef : undefined,
  );
  let entityRefs: string[] | undefined;
  if (scope.type === 'entities') entityRefs = scope.entityRefs;
  if (scope.type === 'team') entityRefs = owned.value;
  const refsKey = entityRefs?.join('\n');
  // A team's refs are read first; none or too many asks nothing (no
  // `entityRef` at all would be the whole portal's insights).
  const askable =
    range.query !== undefined &&
    (scope.type === 'portal' ||
      (entityRefs !== undefined &&
        entityRefs.length > 0 &&
        entityRefs.length <= MAX_ENTITY_REFS));

  const insights = useAsync(async () => {
    if (!askable) return undefined;
    return api.getInsights({
      entityRef: scope.type === 'portal' ? undefined : entityRefs,
      ...range.query,
    });
    // `entityRefs` is a new array on each render: depend on its values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, askable, refsKey, range.query]);

  const description = {
    entities: t('insights.scopeEntity'),
    team: t('insights.scopeTeam'),
    portal: t('insights.scopePortal'),
  }[scope.type];

  let body: ReactNode;
  if (owned.error) {
    body = <ResponseErrorPanel error={owned.error} />;
  } else if (scope.type === 'team' && owned.loading) {
    body = <Progress />;
  } else if (entityRefs?.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={t('insights.teamOwnsNothingTitle')}
        description={t('insights.teamOwnsNothingDescription')}
      />
    );
  } else if (entityRefs && entityRefs.length > MAX_ENTITY_REFS) {
    body = (
      <WarningPanel
        title={t('insights.tooManyEntities', {
          entities: String(entityRefs.length),
          max: String(MAX_ENTITY_REFS),
        })}
      />
    );
  } else if (insights.error) {
    body = <ResponseErrorPanel error={insights.error} />;
  } else if (!insights.value) {
    body = range.query ? <Progress /> : null;
  } else if (isEmpty(insights.value)) {
    body = (
      <EmptyState
        missing="content"
        title={t('insights.emptyTitle')}
        description={t('insights.emptyDescription')}
        action={
          props.newPostmortemLink ? (
            <Button
              component={RouterLink}
              to={props.newPostmortemLink}
              variant="contained"
              color="primary"
              startIcon={<AddIcon />}
            >
              {t('insights.emptyAction')}
            </Button>
          ) : undefined
        }
      />
    );
  } else {
    body = (
      <>
        {/* A new range is loading: the old one stays until it is here. */}
        {insights.loading && <Progress />}
        <InsightsCharts insights={insights.value} scope={scope.type} />
      </>
    );
  }

  return (
    <Box>
      <Box
        display="flex"
        alignItems="flex-start"
        flexWrap="wrap"
        mb={1}
        style={{ gap: 16 }}
      >
        <Box>
          <Typography variant="h5" component="h2">
            {t('insights.title')}
          </Typography>
          <Typography variant="body2" color="textPrimary">
            {description}
          </Typography>
        </Box>
        <Box flexGrow={1} />
        <InsightsRangePicker range={range} />
      </Box>
      {body}
    </Box>
  );
};
