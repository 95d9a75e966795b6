import { DateTime } from 'luxon';
import { insightsCalendar } from './calendar';

const DAY = 86_400_000;

describe('insightsCalendar', () => {
  it('gives the months and quarters of the range and their starts in the zone', () => {
    const calendar = insightsCalendar(
      '2026-09',
      '2026-11',
      'Asia/Tokyo',
      '2026-11-20',
    );
    expect(calendar.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(calendar.monthStarts.map(d => d.toISOString())).toEqual([
      '2026-08-31T15:00:00.000Z',
      '2026-09-30T15:00:00.000Z',
      '2026-10-31T15:00:00.000Z',
      '2026-11-30T15:00:00.000Z',
    ]);
    expect(calendar.quarters).toEqual(['2026-Q3', '2026-Q4']);
    expect(calendar.quarterStarts.map(d => d.toISOString())).toEqual([
      '2026-09-30T15:00:00.000Z',
    ]);
    expect([calendar.firstDay, calendar.lastDay]).toEqual([
      '2026-09-01',
      '2026-11-30',
    ]);
    expect(calendar.ageStarts.map(d => d.toISOString())).toEqual([
      '2026-10-20T15:00:00.000Z',
      '2026-08-21T15:00:00.000Z',
      '2026-05-23T15:00:00.000Z',
    ]);
    expect(
      insightsCalendar('2025-12', '2026-01', 'UTC', '2026-01-05').quarters,
    ).toEqual(['2025-Q4', '2026-Q1']);
  });

  it.each([
    'UTC',
    'Asia/Tokyo',
    'America/New_York',
    'Europe/London',
    // Half an hour of daylight saving; midnight transitions; Ramadan.
    'Australia/Lord_Howe',
    'America/Santiago',
    'Africa/Casablanca',
  ])('ends every due day of five years where luxon does, in %s', zone => {
    const calendar = insightsCalendar('2022-01', '2026-12', zone, '2026-12-31');
    expect(calendar.months).toHaveLength(60);
    const { duePeriods } = calendar;
    let day = calendar.firstDay;
    let periodIndex = 0;
    while (day <= calendar.lastDay) {
      while (
        periodIndex + 1 < duePeriods.length &&
        duePeriods[periodIndex + 1].firstDay <= day
      ) {
        periodIndex++;
      }
      const period = duePeriods[periodIndex];
      const predicted =
        period.firstEnd.getTime() +
        Math.round((Date.parse(day) - Date.parse(period.firstDay)) / DAY) * DAY;
      const actual = DateTime.fromISO(day, { zone })
        .plus({ days: 1 })
        .startOf('day')
        .toMillis();
      expect([day, new Date(predicted).toISOString()]).toEqual([
        day,
        new Date(actual).toISOString(),
      ]);
      day = new Date(Date.parse(day) + DAY).toISOString().slice(0, 10);
    }
    const zoneChanges = zone === 'UTC' || zone === 'Asia/Tokyo' ? 0 : 9;
    expect(duePeriods.length).toBeGreaterThan(zoneChanges);
  });
});
