import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  DETECTIONS,
  Insights,
  SEVERITIES,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useMemo } from 'react';
import { useLanguage } from '../../hooks/useLanguage';
import {
  formatDays,
  formatDuration,
  formatMonth,
  formatShare,
} from '../../lib/format';
import { parseQuarter } from '../../lib/months';
import { postmortemsTranslationRef } from '../../translation';
import { DatasetColumn, InsightsDataset } from './dataset';
import { useChartColors } from './useChartColors';

const MINUTE_MS = 60_000;

// The API's age buckets, how the CSV names them, and their labels.
const AGE_BUCKETS = [
  ['days0to30', '0-30', 'insights.age0to30'],
  ['days31to90', '31-90', 'insights.age31to90'],
  ['days91to180', '91-180', 'insights.age91to180'],
  ['over180', '181+', 'insights.ageOver180'],
] as const;

/**
 * The insights as datasets, each the numbers of one chart or table, with
 * labels in the app's language and colours of its theme.
 */
export function useInsightsDatasets(insights: Insights) {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const colors = useChartColors();

  return useMemo(() => {
    const none = t('common.none');
    const count = (value: number | null) =>
      value === null ? none : new Intl.NumberFormat(language).format(value);
    const share = (value: number | null) =>
      value === null ? none : formatShare(value, language);
    const minutes = (value: number | null) =>
      value === null ? none : formatDuration(value * MINUTE_MS, language);
    const days = (value: number | null) =>
      value === null ? none : formatDays(value, language);
    const month = (m: string) => formatMonth(m, language);
    const quarter = (q: string) => {
      const parsed = parseQuarter(q);
      return parsed ? t('insights.quarterLabel', parsed) : q;
    };
    const countColumn = (
      key: string,
      label: string,
      series?: DatasetColumn['series'],
    ): DatasetColumn => ({ key, label, format: count, series });

    const incidents: InsightsDataset = {
      id: 'incidents',
      title: t('insights.incidentsTitle'),
      categoryLabel: t('insights.month'),
      columns: [
        ...SEVERITIES.map(severity =>
          countColumn(severity, t(`severity.${severity}`), {
            type: 'bar',
            color: colors.severity[severity],
            stack: 'severity',
          }),
        ),
        countColumn('total', t('insights.total')),
      ],
      rows: insights.incidents.map(row => ({
        key: row.month,
        label: month(row.month),
        values: { ...row, month: null },
      })),
      chart: { valueAxisLabel: t('insights.incidentsAxis') },
    };

    const detection: InsightsDataset = {
      id: 'detection',
      title: t('insights.detectionTitle'),
      categoryLabel: t('insights.month'),
      columns: [
        ...DETECTIONS.map(d =>
          countColumn(d, t(`detection.${d}`), {
            type: 'bar',
            color: colors.detection[d],
            stack: 'detection',
          }),
        ),
        {
          key: 'customerShare',
          label: t('insights.customerShare'),
          format: share,
          series: {
            type: 'line',
            color: colors.customerShare,
            axis: 'share',
          },
        },
      ],
      rows: insights.detection.map(row => ({
        key: row.month,
        label: month(row.month),
        values: { ...row, month: null },
      })),
      chart: {
        valueAxisLabel: t('insights.incidentsAxis'),
        shareAxisLabel: t('insights.customerShareAxis'),
      },
    };

    const durations: InsightsDataset = {
      id: 'durations',
      title: t('insights.durationsTitle'),
      categoryLabel: t('insights.quarter'),
      columns: [
        countColumn('incidents', t('insights.incidents')),
        {
          key: 'medianMinutesToDetect',
          label: t('insights.medianToDetect'),
          csvLabel: t('insights.medianToDetectMinutes'),
          format: minutes,
          series: {
            type: 'bar',
            color: colors.timeToDetect,
            scale: 1 / 60,
          },
        },
        {
          key: 'medianMinutesToResolve',
          label: t('insights.medianToResolve'),
          csvLabel: t('insights.medianToResolveMinutes'),
          format: minutes,
          series: {
            type: 'bar',
            color: colors.timeToResolve,
            scale: 1 / 60,
          },
        },
      ],
      rows: insights.durations.map(row => ({
        key: row.quarter,
        label: quarter(row.quarter),
        values: { ...row, quarter: null },
      })),
      chart: { valueAxisLabel: t('insights.durationsAxis') },
    };

    const actionItems: InsightsDataset = {
      id: 'action-items',
      title: t('insights.actionItemsTitle'),
      categoryLabel: t('insights.month'),
      columns: [
        countColumn('opened', t('insights.opened'), {
          type: 'bar',
          color: colors.opened,
        }),
        countColumn('closed', t('insights.closed'), {
          type: 'bar',
          color: colors.closed,
        }),
      ],
      rows: insights.actionItems.months.map(row => ({
        key: row.month,
        label: month(row.month),
        values: { opened: row.opened, closed: row.closed },
      })),
      chart: { valueAxisLabel: t('insights.actionItemsAxis') },
    };

    // One bar per age, coloured from fresh to old.
    const openByAge: InsightsDataset = {
      id: 'open-by-age',
      title: t('insights.openByAgeTitle'),
      categoryLabel: t('insights.age'),
      columns: [
        countColumn('count', t('insights.openItems'), {
          type: 'bar',
          color: colors.age[0],
          rowColors: colors.age,
        }),
      ],
      rows: AGE_BUCKETS.map(([bucket, key, label]) => ({
        key,
        label: t(label),
        values: { count: insights.actionItems.openByAge[bucket] },
      })),
      chart: { valueAxisLabel: t('insights.actionItemsAxis') },
    };

    const owners: InsightsDataset = {
      id: 'owners',
      title: t('insights.ownersTitle'),
      categoryLabel: t('insights.owner'),
      columns: [
        countColumn('open', t('insights.open')),
        countColumn('overdue', t('insights.overdue')),
        countColumn('closed', t('insights.closedInRange')),
        {
          key: 'medianDaysToClose',
          label: t('insights.medianDaysToCloseColumn'),
          format: days,
        },
      ],
      // Unassigned items have no owner: an empty field in the CSV.
      rows: insights.owners.map(row => ({
        key: row.owner ?? '',
        label: row.owner ?? t('insights.unassigned'),
        entityRef: row.owner ?? undefined,
        values: {
          open: row.open,
          overdue: row.overdue,
          closed: row.closed,
          medianDaysToClose: row.medianDaysToClose,
        },
      })),
    };

    const topEntities = (
      id: string,
      title: string,
      label: string,
      rows: { entityRef: string; count: number }[],
    ): InsightsDataset => ({
      id,
      title,
      categoryLabel: t('insights.entity'),
      columns: [countColumn('count', label)],
      rows: rows.map(row => ({
        key: row.entityRef,
        label: row.entityRef,
        entityRef: row.entityRef,
        values: { count: row.count },
      })),
    });

    return {
      incidents,
      detection,
      durations,
      actionItems,
      openByAge,
      owners,
      topByIncidents: topEntities(
        'top-incidents',
        t('insights.topByIncidentsTitle'),
        t('insights.incidents'),
        insights.topEntities.byIncidents,
      ),
      topByOverdue: topEntities(
        'top-overdue',
        t('insights.topByOverdueTitle'),
        t('insights.overdueItems'),
        insights.topEntities.byOverdueItems,
      ),
    };
  }, [insights, t, language, colors]);
}
