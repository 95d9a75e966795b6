import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate, formatRelative, formatTotal } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { SeverityChip } from '../SeverityChip';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A count that opens the list it counts; the label is part of the link. */
const Stat = (props: {
  label: string;
  value: ReactNode;
  to: string;
  color?: string;
}) => (
  <Link to={props.to} underline="none" style={{ display: 'block' }}>
    <Typography
      variant="h4"
      component="div"
      style={props.color ? { color: props.color } : undefined}
    >
      {props.value}
    </Typography>
    <Typography variant="caption" color="textSecondary">
      {props.label}
    </Typography>
  </Link>
);

/**
 * The overview card of an entity: when it last had an incident, how many
 * in the last 90 days, and how many action items are still open or overdue.
 *
 * @public
 */
export const EntityPostmortemsCard = (props: {
  /** The path of the "Postmortems" tab on the entity page. */
  tabPath?: string;
  /** The path of the "Action items" tab on the entity page. */
  actionItemsTabPath?: string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const language = useLanguage();
  const theme = useTheme();
  const { entity } = useEntity();
  const entityLink = useRouteRef(entityRouteRef);
  const entityRef = stringifyEntityRef(entity);

  const { value, loading, error } = useAsync(async () => {
    const since = new Date(Date.now() - 90 * DAY_MS).toISOString();
    // Totals come from `totalCount`, so one item per request is enough.
    const [latest, recent, open, overdue] = await Promise.all([
      api.listPostmortems({ entityRef: [entityRef], limit: 1 }),
      api.listPostmortems({ entityRef: [entityRef], from: since, limit: 1 }),
      api.listActionItems({
        entityRef: [entityRef],
        status: ['open', 'in_progress'],
        limit: 1,
      }),
      api.listActionItems({ entityRef: [entityRef], overdue: true, limit: 1 }),
    ]);
    return {
      since,
      last: latest.items[0],
      recentCount: formatTotal(recent),
      openCount: formatTotal(open),
      overdueCount: formatTotal(overdue),
      overdueAny: overdue.totalCount > 0,
    };
  }, [api, entityRef]);

  const entityPage = entityLink(entityRouteParams(entity)).replace(/\/$/, '');
  const tabLink = `${entityPage}/${props.tabPath ?? 'postmortems'}`;
  // The action items tab keeps its filter in the URL (`?status=`).
  const itemsLink = (status: 'open' | 'overdue') =>
    `${entityPage}/${props.actionItemsTabPath ?? 'action-items'}${
      status === 'open' ? '' : `?status=${status}`
    }`;

  return (
    <InfoCard
      title={t('card.title')}
      deepLink={{ title: t('card.viewAll'), link: tabLink }}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <Typography variant="caption" color="textSecondary">
              {t('card.lastIncident')}
            </Typography>
            {value.last ? (
              <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                <Typography variant="h6" component="div">
                  {formatRelative(value.last.startedAt, language)}
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {formatDate(value.last.startedAt, language)}
                </Typography>
                <SeverityChip severity={value.last.severity} />
              </Box>
            ) : (
              <Typography variant="body1">
                {t('card.lastIncidentNone')}
              </Typography>
            )}
            {value.last && (
              <Typography variant="body2">
                {/* Its page lives under the entity's Postmortems tab. */}
                <Link to={`${tabLink}/${encodeURIComponent(value.last.id)}`}>
                  {value.last.title}
                </Link>
              </Typography>
            )}
          </Grid>
          <Grid item xs={4}>
            <Stat
              label={t('card.incidents90Days')}
              value={value.recentCount}
              to={`${tabLink}?${new URLSearchParams({ from: value.since })}`}
            />
          </Grid>
          <Grid item xs={4}>
            <Stat
              label={t('card.openActionItems')}
              value={value.openCount}
              to={itemsLink('open')}
            />
          </Grid>
          <Grid item xs={4}>
            <Stat
              label={t('card.overdueActionItems')}
              value={value.overdueCount}
              to={itemsLink('overdue')}
              color={value.overdueAny ? theme.palette.error.dark : undefined}
            />
          </Grid>
        </Grid>
      )}
    </InfoCard>
  );
};
