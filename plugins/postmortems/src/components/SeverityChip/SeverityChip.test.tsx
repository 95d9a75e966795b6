import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { SEVERITY_COLORS, SeverityChip } from './SeverityChip';

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map(i => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

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
    expect(getComputedStyle(chipOf(worst)!).backgroundColor).toBe(
      'rgb(142, 0, 0)',
    );
    expect(getComputedStyle(chipOf(least)!).backgroundColor).toBe(
      'rgb(224, 224, 224)',
    );
  });

  it.each(Object.entries(SEVERITY_COLORS))(
    'gives %s small text a contrast of at least 4.5:1',
    (_severity, colors) => {
      expect(contrast(colors.text, colors.background)).toBeGreaterThanOrEqual(
        4.5,
      );
    },
  );
});
