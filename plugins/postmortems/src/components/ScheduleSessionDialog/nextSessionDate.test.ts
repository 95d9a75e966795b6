import { nextSessionDate } from './nextSessionDate';

// The test runs in the machine's zone; local dates keep it zone-proof.
const local = (y: number, m: number, d: number, h = 17) =>
  new Date(y, m - 1, d, h, 0, 0, 0);

describe('nextSessionDate', () => {
  it('keeps the weekday, its week and the time, in the month after the latest session', () => {
    // Thursday 17 December 2026, the third Thursday.
    const latest = local(2026, 12, 17).toISOString();
    expect(nextSessionDate(latest, local(2026, 12, 1, 9))).toEqual(
      local(2027, 1, 21),
    );
  });

  it('takes the last such weekday when the next month has no fifth one', () => {
    // Thursday 29 October 2026 is a fifth Thursday; November has four.
    const latest = local(2026, 10, 29).toISOString();
    expect(nextSessionDate(latest, local(2026, 10, 30))).toEqual(
      local(2026, 11, 26),
    );
  });

  it('moves on to the first month where it is still ahead', () => {
    const latest = local(2026, 5, 12).toISOString(); // second Tuesday of May
    expect(nextSessionDate(latest, local(2026, 8, 20))).toEqual(
      local(2026, 9, 8),
    );
  });

  it('is a week from now at 17:00 when the group has never met', () => {
    expect(nextSessionDate(undefined, local(2026, 12, 1, 9))).toEqual(
      local(2026, 12, 8),
    );
  });
});
