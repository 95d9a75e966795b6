import { sessionDayHasCome } from './sessionDay';

describe('sessionDayHasCome', () => {
  const at = '2026-12-17T17:00:00+09:00';

  it('is true from the session’s day on in the configured zone, not before', () => {
    expect(
      sessionDayHasCome(at, 'Asia/Tokyo', new Date('2026-12-14T12:00:00Z')),
    ).toBe(false);
    // 00:10 on 17 December in Tokyo, still the 16th in UTC.
    expect(
      sessionDayHasCome(at, 'Asia/Tokyo', new Date('2026-12-16T15:10:00Z')),
    ).toBe(true);
    expect(sessionDayHasCome(at, 'UTC', new Date('2026-12-16T15:10:00Z'))).toBe(
      false,
    );
    expect(
      sessionDayHasCome(at, 'Asia/Tokyo', new Date('2027-01-05T00:00:00Z')),
    ).toBe(true);
  });
});
