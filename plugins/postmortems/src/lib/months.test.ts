import { monthOf, parseQuarter } from './months';

describe('months', () => {
  it("reads the month of a moment on the browser's calendar", () => {
    expect(monthOf(new Date(2026, 0, 31, 23, 59))).toBe('2026-01');
    expect(monthOf(new Date(2026, 11, 1, 0, 0))).toBe('2026-12');
  });

  it('reads quarters', () => {
    expect(parseQuarter('2026-Q4')).toEqual({ year: '2026', quarter: '4' });
    expect(parseQuarter('2026-Q5')).toBeUndefined();
  });
});
