import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { SeverityChip } from './SeverityChip';

describe('SeverityChip', () => {
  it('names each severity, each in its own colour', async () => {
    renderInTestApp(
      <>
        <SeverityChip severity="sev1" />
        <SeverityChip severity="sev4" />
      </>,
    );
    const worst = await screen.findByText('SEV1 (critical)');
    const least = screen.getByText('SEV4 (low)');
    const chipOf = (label: HTMLElement) => label.closest('.MuiChip-root');
    expect(chipOf(worst)?.className).not.toEqual(chipOf(least)?.className);
  });
});
