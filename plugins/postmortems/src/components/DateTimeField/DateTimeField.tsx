import { useTranslationRef } from '@backstage/frontend-plugin-api';
import TextField from '@material-ui/core/TextField';
import { useLanguage } from '../../hooks/useLanguage';
import { fromDateTimeLocal, timeZoneOf } from '../../lib/datetime';
import { formatDateTime } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';

/**
 * A date and time on the writer's wall clock: the value is that of an
 * `<input type="datetime-local">` (see `lib/datetime` for the ISO round
 * trip). Below it: the field's error, then the value as the app writes
 * times (the browser's own input follows the browser's locale, not the
 * app's language) and the time zone it is in.
 */
export const DateTimeField = (props: {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  /** Take the width of the container; on unless told otherwise. */
  fullWidth?: boolean;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const fullWidth = props.fullWidth ?? true;
  const iso = fromDateTimeLocal(props.value);
  const timeZone = timeZoneOf(props.value);
  // "UTC (UTC)" would say it twice.
  const zone = /^(Etc\/)?(UTC|GMT)$/.test(timeZone.zone)
    ? 'UTC'
    : t('form.timeZone', timeZone);
  return (
    <TextField
      id={props.id}
      type="datetime-local"
      fullWidth={fullWidth}
      // Room for "12/04/2026, 07:00 AM" where the field does not take the
      // container's width, so the AM/PM is not cut off.
      style={fullWidth ? undefined : { minWidth: '16.5em', flexShrink: 0 }}
      variant="outlined"
      margin="dense"
      label={props.label}
      required={props.required}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      error={Boolean(props.error)}
      helperText={
        <>
          {props.error && (
            <>
              <span>{props.error}</span>
              <br />
            </>
          )}
          <span>
            {iso ? `${formatDateTime(iso, language)} · ${zone}` : zone}
          </span>
        </>
      }
      // The browser's own placeholder (dd/mm/yyyy, --:--) would overlap the label.
      InputLabelProps={{ shrink: true }}
    />
  );
};
