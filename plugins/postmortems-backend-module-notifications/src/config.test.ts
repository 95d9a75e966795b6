import { ConfigReader } from '@backstage/config';
import { latestOccurrence, readNotificationsConfig } from './config';

const read = (notifications: object, timezone = 'Asia/Tokyo') =>
  readNotificationsConfig(
    new ConfigReader({
      postmortems: { readingSessions: { timezone }, notifications },
    }),
  );

describe('readNotificationsConfig', () => {
  it('has defaults: weekdays 09:00 digest, 3 days before, English', () => {
    expect(read({})).toMatchObject({
      language: 'en',
      timezone: 'Asia/Tokyo',
      overdueDigest: { enabled: true, schedule: '0 9 * * 1-5', maxItems: 5 },
      dueSoon: { enabled: true, daysBefore: 3 },
      readingSession: { enabled: true, daysBefore: 3, noPickDaysBefore: 7 },
      remindersSchedule: '0 9 * * *',
    });
  });

  it.each([
    [{ language: 'fr' }, /postmortems\.notifications\.language: "fr"/],
    [
      { overdueDigest: { schedule: 'every morning' } },
      /postmortems\.notifications\.overdueDigest\.schedule: "every morning" is not a cron expression/,
    ],
    [
      { reminders: { schedule: '0 25 * * *' } },
      /postmortems\.notifications\.reminders\.schedule/,
    ],
    [
      { dueSoon: { daysBefore: 0 } },
      /postmortems\.notifications\.dueSoon\.daysBefore: 0 must be a whole number from 1 to 30/,
    ],
    [
      { readingSession: { noPickDaysBefore: 2.5 } },
      /postmortems\.notifications\.readingSession\.noPickDaysBefore/,
    ],
  ])('refuses %j with a message naming the key', (notifications, message) => {
    expect(() => read(notifications)).toThrow(message);
  });

  it('refuses an unknown time zone, naming the key', () => {
    expect(() => read({}, 'Asia/Atlantis')).toThrow(
      'postmortems.readingSessions.timezone: "Asia/Atlantis" is not an IANA time zone',
    );
  });
});

describe('latestOccurrence', () => {
  const within = 12 * 3600_000;
  it('reads the schedule in the configured zone: 09:00 Tokyo is midnight UTC', () => {
    // Wednesday 2 December 2026, 09:00 and 09:05 in Tokyo.
    expect(
      latestOccurrence(
        '0 9 * * 1-5',
        'Asia/Tokyo',
        new Date('2026-12-02T00:00:00Z'),
        within,
      ),
    ).toEqual(new Date('2026-12-02T00:00:00Z'));
    expect(
      latestOccurrence(
        '0 9 * * 1-5',
        'Asia/Tokyo',
        new Date('2026-12-02T00:05:00Z'),
        within,
      ),
    ).toEqual(new Date('2026-12-02T00:00:00Z'));
    // 08:59 in Tokyo: today's has not come, yesterday's is too old.
    expect(
      latestOccurrence(
        '0 9 * * 1-5',
        'Asia/Tokyo',
        new Date('2026-12-01T23:59:00Z'),
        within,
      ),
    ).toBeUndefined();
  });

  it('has none on a weekend for a weekday schedule', () => {
    // Sunday 6 December 2026, noon in Tokyo.
    expect(
      latestOccurrence(
        '0 9 * * 1-5',
        'Asia/Tokyo',
        new Date('2026-12-06T03:00:00Z'),
        within,
      ),
    ).toBeUndefined();
  });
});
