import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { INSIGHTS_MAX_MONTHS } from '@postmortems/backstage-plugin-postmortems-common';
import { postmortemsTranslationRef } from '../../translation';
import {
  RANGE_CHOICES,
  RangeChoice,
  RangeError,
  useInsightsRange,
} from './useInsightsRange';

const CHOICE_LABELS = {
  '6': 'insights.rangeLast6',
  '12': 'insights.rangeLast12',
  '24': 'insights.rangeLast24',
  custom: 'insights.rangeCustom',
} as const;

/**
 * The range of the insights: a native select (a labelled control that
 * every browser and screen reader knows), and for a custom range the
 * first and last month.
 */
export const InsightsRangePicker = (props: {
  range: ReturnType<typeof useInsightsRange>;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const { range } = props;

  const errorText = (error: RangeError | undefined) => {
    if (error === 'notBefore') return t('insights.rangeNotBefore');
    if (error === 'tooLong') {
      return t('insights.rangeTooLong', { max: String(INSIGHTS_MAX_MONTHS) });
    }
    return t('insights.rangeMonthHelp');
  };

  const monthField = (end: 'from' | 'to') => (
    <TextField
      id={`insights-range-${end}`}
      type="month"
      variant="outlined"
      margin="dense"
      label={t(end === 'from' ? 'insights.rangeFrom' : 'insights.rangeTo')}
      value={range[end]}
      onChange={e => range.setMonth(end, e.target.value)}
      error={Boolean(range.errors[end])}
      helperText={errorText(range.errors[end])}
      InputLabelProps={{ shrink: true }}
      // Browsers without a month picker show a text box: say the format.
      inputProps={{ pattern: '\\d{4}-\\d{2}', placeholder: 'YYYY-MM' }}
    />
  );

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-start"
      style={{ gap: 16 }}
    >
      <TextField
        id="insights-range"
        select
        variant="outlined"
        margin="dense"
        label={t('insights.range')}
        value={range.choice}
        onChange={e => range.choose(e.target.value as RangeChoice)}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
      >
        {RANGE_CHOICES.map(choice => (
          <option key={choice} value={choice}>
            {t(CHOICE_LABELS[choice])}
          </option>
        ))}
      </TextField>
      {range.choice === 'custom' && (
        <>
          {monthField('from')}
          {monthField('to')}
        </>
      )}
    </Box>
  );
};
