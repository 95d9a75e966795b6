import { addMonths, isMonth, monthOf, monthSpan, parseQuarter } from './months';

describe('months', () => {
  it('tells months from other text', () => {
    expect(isMonth('2026-04')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-4')).toBe(false);
    expect(isMonth(undefined)).toBe(false);
  });

  it('steps across years', () => {
    expect(addMonths('2026-03', -5)).toBe('2025-10');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-06', -23)).toBe('2024-07');
  });

  it('counts the months of a range, both ends included', () => {
    expect(monthSpan('2026-01', '2026-06')).toBe(6);
    expect(monthSpan('2025-07', '2026-06')).toBe(12);
    expect(monthSpan('2026-06', '2026-01')).toBeLessThan(1);
  });

  it("reads the month of a moment on the browser's calendar", () => {
    expect(monthOf(new Date(2026, 0, 31, 23, 59))).toBe('2026-01');
  });

  it('reads quarters', () => {
    expect(parseQuarter('2026-Q4')).toEqual({ year: '2026', quarter: '4' });
    expect(parseQuarter('2026-Q5')).toBeUndefined();
  });
});
