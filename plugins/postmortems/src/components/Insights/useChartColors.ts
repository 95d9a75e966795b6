import { useTheme } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { SEVERITY_COLORS } from '../SeverityChip';

/**
 * The charts' colours, from the app's theme so a dark theme gets its own:
 * the series take the palette's mid-tone colours (which stand out on both
 * a light and a dark paper), and text, grid and tooltip take the theme's
 * text, divider and paper colours. Severities keep the colours of their
 * chips, so a SEV1 looks the same in a list and in a chart.
 */
export function useChartColors() {
  const theme = useTheme();
  const { palette } = theme;
  return useMemo(
    () => ({
      text: palette.text.primary,
      axis: palette.text.secondary,
      grid: palette.divider,
      paper: palette.background.paper,
      severity: {
        sev1: SEVERITY_COLORS.sev1.background,
        sev2: SEVERITY_COLORS.sev2.background,
        sev3: SEVERITY_COLORS.sev3.background,
        sev4: SEVERITY_COLORS.sev4.background,
      },
      detection: {
        customer_report: palette.error.main,
        monitoring_alert: palette.success.main,
        internal_discovery: palette.info.main,
        other: palette.grey[500],
      },
      // The share line is the series to follow: the text colour, strongest.
      customerShare: palette.text.primary,
      timeToDetect: palette.primary.main,
      timeToResolve: palette.secondary.main,
      opened: palette.warning.main,
      closed: palette.success.main,
      age: [
        palette.info.main,
        palette.warning.light,
        palette.warning.dark,
        palette.error.main,
      ],
    }),
    [palette],
  );
}

export type ChartColors = ReturnType<typeof useChartColors>;
