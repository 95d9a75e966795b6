import { Insights } from '@postmortems/backstage-plugin-postmortems-common';

const MONTHS = [
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
];

/** Insights of a range in which nothing happened: every month, all zero. */
export function makeEmptyInsights(overrides: Partial<Insights> = {}): Insights {
  return {
    range: { from: '2026-01', to: '2026-06', timezone: 'Asia/Tokyo' },
    entityRefs: [],
    incidents: MONTHS.map(month => ({
      month,
      total: 0,
      sev1: 0,
      sev2: 0,
      sev3: 0,
      sev4: 0,
    })),
    detection: MONTHS.map(month => ({
      month,
      customer_report: 0,
      monitoring_alert: 0,
      internal_discovery: 0,
      other: 0,
      customerShare: null,
    })),
    durations: [
      {
        quarter: '2026-Q1',
        incidents: 0,
        medianMinutesToDetect: null,
        medianMinutesToResolve: null,
      },
      {
        quarter: '2026-Q2',
        incidents: 0,
        medianMinutesToDetect: null,
        medianMinutesToResolve: null,
      },
    ],
    actionItems: {
      months: MONTHS.map(month => ({ month, opened: 0, closed: 0 })),
      openByAge: { days0to30: 0, days31to90: 0, days91to180: 0, over180: 0 },
      medianDaysToClose: null,
      dueInRange: 0,
      closedByDueDate: 0,
      closedByDueDateShare: null,
    },
    reading: { postmortems: 0, read: 0, share: null },
    owners: [],
    topEntities: { byIncidents: [], byOverdueItems: [] },
    ...overrides,
  };
}

/**
 * The insights of 請求管理ロボ over the first half of 2026: four incidents,
 * the March one reported by a customer.
 */
export function makeInsights(overrides: Partial<Insights> = {}): Insights {
  const empty = makeEmptyInsights();
  return {
    ...empty,
    entityRefs: ['component:default/seikyu-kanri-robo'],
    incidents: empty.incidents.map(row => {
      if (row.month === '2026-01') return { ...row, total: 1, sev3: 1 };
      if (row.month === '2026-03') {
        return { ...row, total: 2, sev1: 1, sev2: 1 };
      }
      if (row.month === '2026-05') return { ...row, total: 1, sev4: 1 };
      return row;
    }),
    detection: empty.detection.map(row => {
      if (row.month === '2026-01') {
        return { ...row, monitoring_alert: 1, customerShare: 0 };
      }
      if (row.month === '2026-03') {
        return {
          ...row,
          customer_report: 1,
          internal_discovery: 1,
          customerShare: 0.5,
        };
      }
      if (row.month === '2026-05') {
        return { ...row, other: 1, customerShare: 0 };
      }
      return row;
    }),
    durations: [
      {
        quarter: '2026-Q1',
        incidents: 3,
        medianMinutesToDetect: 150,
        medianMinutesToResolve: 255,
      },
      {
        quarter: '2026-Q2',
        incidents: 1,
        medianMinutesToDetect: 12,
        medianMinutesToResolve: null,
      },
    ],
    actionItems: {
      months: empty.actionItems.months.map(row => {
        if (row.month === '2026-01') return { ...row, opened: 2 };
        if (row.month === '2026-03') return { ...row, opened: 3, closed: 1 };
        if (row.month === '2026-04') return { ...row, closed: 2 };
        return row;
      }),
      openByAge: { days0to30: 1, days31to90: 0, days91to180: 2, over180: 3 },
      medianDaysToClose: 12.5,
      dueInRange: 4,
      closedByDueDate: 3,
      closedByDueDateShare: 0.75,
    },
    reading: { postmortems: 4, read: 1, share: 0.25 },
    ...overrides,
  };
}
