import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/**
 * A form's drop-down of fixed choices (a status, a severity), laid out
 * like the form's text fields, with the field's error below it.
 */
export const SelectField = <V extends string>(props: {
  id: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  error?: string;
}) => (
  <TextField
    id={props.id}
    select
    fullWidth
    variant="outlined"
    margin="dense"
    label={props.label}
    value={props.value}
    onChange={e => props.onChange(e.target.value as V)}
    error={Boolean(props.error)}
    helperText={props.error}
  >
    {props.options.map(option => (
      <MenuItem key={option.value} value={option.value}>
        {option.label}
      </MenuItem>
    ))}
  </TextField>
);
