import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import { Severity } from '@postmortems/backstage-plugin-postmortems-common';
import { postmortemsTranslationRef } from '../../translation';

/**
 * The chip colours, fixed rather than the theme's: the label is small text,
 * which needs a contrast of 4.5:1 on its chip in every theme (the theme's
 * error red gives white text only 3.7:1).
 */
export const SEVERITY_COLORS: Record<
  Severity,
  { background: string; text: string }
> = {
  sev1: { background: '#8e0000', text: '#ffffff' },
  sev2: { background: '#c62828', text: '#ffffff' },
  sev3: { background: '#ffb74d', text: '#000000' },
  sev4: { background: '#e0e0e0', text: '#000000' },
};

/** A severity, coloured so the worst incidents stand out in a list. */
export const SeverityChip = (props: { severity: Severity }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const colors = SEVERITY_COLORS[props.severity];
  return (
    <Chip
      size="small"
      // Inline, so no theme or style sheet order can override it.
      style={{ backgroundColor: colors.background, color: colors.text }}
      label={t(`severity.${props.severity}`)}
    />
  );
};
