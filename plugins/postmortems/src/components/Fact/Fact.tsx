import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * One fact of a record, a small caption over its value: a postmortem's
 * severity, a reading session's facilitator. `spacing` is the space below
 * it, in theme units.
 */
export const Fact = (props: {
  label: string;
  spacing?: number;
  children: ReactNode;
}) => (
  <Box mb={props.spacing ?? 1.5}>
    <Typography variant="caption" color="textSecondary" component="div">
      {props.label}
    </Typography>
    <Typography variant="body2" component="div">
      {props.children}
    </Typography>
  </Box>
);
