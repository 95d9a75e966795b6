import TextField from '@material-ui/core/TextField';

/**
 * A date and time on the writer's wall clock: the value is that of an
 * `<input type="datetime-local">` (see `lib/datetime` for the ISO round
 * trip), with the field's error below it.
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
}) => (
  <TextField
    id={props.id}
    type="datetime-local"
    fullWidth={props.fullWidth ?? true}
    variant="outlined"
    margin="dense"
    label={props.label}
    required={props.required}
    value={props.value}
    onChange={e => props.onChange(e.target.value)}
    error={Boolean(props.error)}
    helperText={props.error}
    // The browser's own placeholder (dd/mm/yyyy, --:--) would overlap the label.
    InputLabelProps={{ shrink: true }}
  />
);
