import { fromDateTimeLocal, timeZoneOf, toDateTimeLocal } from './datetime';

describe('datetime', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    [-540, '+9'],
    [-330, '+5:30'],
    [240, '-4'],
    [0, ''],
  ])(
    'names the offset of a zone %i minutes behind UTC as UTC%s',
    (minutes, offset) => {
      jest.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(minutes);
      expect(timeZoneOf('2026-12-04T07:00')).toEqual({
        zone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
        offset,
      });
    },
  );

  it('round-trips a wall-clock time through ISO with offset', () => {
    const iso = fromDateTimeLocal('2026-12-04T07:00');
    expect(iso).toMatch(/^2026-12-04T07:00:00[+-]\d\d:\d\d$/);
    expect(toDateTimeLocal(iso)).toBe('2026-12-04T07:00');
    expect(fromDateTimeLocal('')).toBeUndefined();
  });
});
