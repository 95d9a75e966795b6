import { exampleReadingSessions } from './readingSessions';

/** The month of a moment in Tokyo (UTC+9), as `YYYY-MM`. */
function tokyoMonth(date: Date): string {
  return new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
}

describe('exampleReadingSessions', () => {
  it.each([
    '2026-11-23T22:00:00Z',
    // Already December in Tokyo, still November in UTC.
    '2026-11-30T20:00:00Z',
    '2026-12-31T14:59:00Z',
    '2026-12-31T15:00:00Z',
    '2027-02-27T23:00:00Z',
  ])("plans the SRE team's session in Tokyo's current month at %s", nowIso => {
    const now = new Date(nowIso);
    const [held, planned] = exampleReadingSessions(now);
    expect(planned.status).toBe('planned');
    expect(tokyoMonth(planned.scheduledAt)).toBe(tokyoMonth(now));
    expect(held.status).toBe('held');
    expect(tokyoMonth(held.scheduledAt) < tokyoMonth(now)).toBe(true);
  });
});
