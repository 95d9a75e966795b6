import {
  defaultStartMonth,
  isTimeZone,
  monthAfter,
  occurrenceOf,
  seriesDates,
} from './seriesDates';

const tokyo = {
  weekday: 'thursday',
  week: 1,
  time: '16:00',
  timezone: 'Asia/Tokyo',
} as const;

describe('series dates', () => {
  it('finds the n-th and the last weekday of a month at the wall-clock time', () => {
    expect(occurrenceOf('2027-01', tokyo).toISOString()).toBe(
      '2027-01-07T07:00:00.000Z',
    );
    expect(occurrenceOf('2026-12', { ...tokyo, week: 4 }).toISOString()).toBe(
      '2026-12-24T07:00:00.000Z',
    );
    expect(
      occurrenceOf('2026-12', { ...tokyo, week: 'last' }).toISOString(),
    ).toBe('2026-12-31T07:00:00.000Z');
    expect(
      occurrenceOf('2027-01', { ...tokyo, weekday: 'friday' }).toISOString(),
    ).toBe('2027-01-01T07:00:00.000Z');
  });

  it('follows summer time, as the backend does', () => {
    const berlin = {
      ...tokyo,
      week: 'last',
      timezone: 'Europe/Berlin',
    } as const;
    expect(occurrenceOf('2027-03', berlin).toISOString()).toBe(
      '2027-03-25T15:00:00.000Z',
    );
    expect(occurrenceOf('2027-04', berlin).toISOString()).toBe(
      '2027-04-29T14:00:00.000Z',
    );
    // 02:30 on the day clocks go forward does not exist: 03:30 CEST.
    expect(
      occurrenceOf('2027-03', {
        ...berlin,
        weekday: 'sunday',
        time: '02:30',
      }).toISOString(),
    ).toBe('2027-03-28T01:30:00.000Z');
    expect(
      occurrenceOf('2027-10', {
        ...berlin,
        weekday: 'sunday',
        time: '10:00',
      }).toISOString(),
    ).toBe('2027-10-31T09:00:00.000Z');
  });

  it('skips the months the group already meets in, and starts where the backend would', () => {
    const dates = seriesDates({
      rule: tokyo,
      months: 3,
      startMonth: '2027-01',
      taken: new Set(['2027-02']),
      monthZone: 'Asia/Tokyo',
    });
    expect(dates.map(d => [d.month, d.skipped])).toEqual([
      ['2027-01', false],
      ['2027-02', true],
      ['2027-03', false],
    ]);
    const now = new Date('2026-12-10T03:00:00Z');
    expect(
      defaultStartMonth({
        rule: { ...tokyo, week: 'last' },
        now,
        taken: new Set(),
        monthZone: 'Asia/Tokyo',
      }),
    ).toBe('2026-12');
    expect(
      defaultStartMonth({
        rule: tokyo,
        now,
        taken: new Set(['2027-01', '2027-02']),
        monthZone: 'Asia/Tokyo',
      }),
    ).toBe('2027-03');
    expect(monthAfter('2027-11', 3)).toBe('2028-02');
  });

  it('knows a time zone from a typo', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('Asia/Tokio')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
