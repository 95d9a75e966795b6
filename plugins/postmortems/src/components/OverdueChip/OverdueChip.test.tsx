import { renderInTestApp } from '@backstage/frontend-test-utils';
import { getContrastRatio } from '@material-ui/core/styles';
import { screen } from '@testing-library/react';
import { OverdueChip } from './OverdueChip';
import { daysOverdue } from './daysOverdue';
import { dateDaysAgo } from '../../__testUtils__/fixtures';

// The row behind an overdue item: 8% red over white.
const OVERDUE_ROW = 'rgb(254, 241, 240)';

describe('daysOverdue', () => {
  it('counts the days since the due date, at least one', () => {
    const now = new Date(2026, 11, 1, 9, 0);
    expect(daysOverdue('2026-11-30', now)).toBe(1);
    expect(daysOverdue('2026-11-28', now)).toBe(3);
    expect(daysOverdue('2025-10-27', now)).toBe(400);
    // The server's zone may already be a day ahead.
    expect(daysOverdue('2026-12-01', now)).toBe(1);
  });
});

describe('OverdueChip', () => {
  it('says how late, outlined under a month, readable on the overdue row', async () => {
    await renderInTestApp(<OverdueChip dueDate={dateDaysAgo(3)} />);
    const chip = screen.getByText('3 days overdue').closest('[data-overdue]')!;
    expect(chip).toHaveAttribute('data-overdue', 'recent');
    const style = (chip as HTMLElement).style;
    expect(getContrastRatio(style.color, OVERDUE_ROW)).toBeGreaterThanOrEqual(
      4.5,
    );
  });

  it('fills the chip for an item long overdue, white on red at 4.5:1 or more', async () => {
    await renderInTestApp(<OverdueChip dueDate={dateDaysAgo(400)} />);
    const chip = screen
      .getByText('400 days overdue')
      .closest('[data-overdue]') as HTMLElement;
    expect(chip).toHaveAttribute('data-overdue', 'long');
    expect(
      getContrastRatio(chip.style.color, chip.style.backgroundColor),
    ).toBeGreaterThanOrEqual(4.5);
  });

  it('says one day in the singular', async () => {
    await renderInTestApp(<OverdueChip dueDate={dateDaysAgo(1)} />);
    expect(screen.getByText('1 day overdue')).toBeInTheDocument();
  });
});
