import {
  addMonths,
  isMonth,
  monthIndex,
  monthOfIndex,
  monthSpan,
  quarterOfMonth,
} from './months';

describe('months', () => {
  it('tells months from other text', () => {
    expect(isMonth('2026-04')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-4')).toBe(false);
    expect(isMonth(undefined)).toBe(false);
  });

  it('counts months as year × 12 + month − 1, and back', () => {
    expect(monthIndex('2026-01')).toBe(2026 * 12);
    expect(monthIndex('2026-12')).toBe(2026 * 12 + 11);
    expect(monthOfIndex(2026 * 12 + 11)).toBe('2026-12');
    expect(monthOfIndex(monthIndex('0999-07'))).toBe('0999-07');
    expect(() => monthIndex('2026-13')).toThrow(/YYYY-MM/);
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

  it('names the quarter of a month', () => {
    expect(quarterOfMonth('2026-01')).toBe('2026-Q1');
    expect(quarterOfMonth('2026-03')).toBe('2026-Q1');
    expect(quarterOfMonth('2026-04')).toBe('2026-Q2');
    expect(quarterOfMonth('2026-12')).toBe('2026-Q4');
  });
});
