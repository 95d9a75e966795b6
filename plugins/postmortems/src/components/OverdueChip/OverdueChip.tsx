import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import { useTheme } from '@material-ui/core/styles';
import { postmortemsTranslationRef } from '../../translation';
import { daysOverdue } from './daysOverdue';

/** From this many days late an item is shown as long overdue. */
export const LONG_OVERDUE_DAYS = 30;

// Dark reds rather than the theme's error red: white on `error.main` is
// about 4:1, below the 4.5:1 that small text needs. #b71c1c with white is
// 10:1; as text on the overdue row's pale red, about 6:1.
const DARK_RED = '#b71c1c';
const LIGHT_RED = '#ff8a80';

/**
 * "3 days overdue": how late an item is. Under a month the chip is
 * outlined, from a month on filled, so an item 400 days late stands out
 * from one due yesterday.
 */
export const OverdueChip = (props: { dueDate?: string }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const theme = useTheme();
  const days = props.dueDate ? daysOverdue(props.dueDate) : undefined;
  const label =
    days === undefined
      ? t('actionItems.overdue')
      : t('actionItems.daysOverdue', { count: days });
  const long = days !== undefined && days >= LONG_OVERDUE_DAYS;
  const dark = theme.palette.type === 'dark';
  return long ? (
    <Chip
      size="small"
      label={label}
      data-overdue="long"
      style={{ backgroundColor: DARK_RED, color: '#ffffff', fontWeight: 600 }}
    />
  ) : (
    <Chip
      size="small"
      variant="outlined"
      label={label}
      data-overdue="recent"
      style={{
        color: dark ? LIGHT_RED : DARK_RED,
        borderColor: dark ? LIGHT_RED : DARK_RED,
      }}
    />
  );
};
