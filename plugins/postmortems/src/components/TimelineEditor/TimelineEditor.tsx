import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import { postmortemsTranslationRef } from '../../translation';
import { DateTimeField } from '../DateTimeField';

/** A timeline entry being written: its time as a `datetime-local` value. */
export type TimelineEntryDraft = { at: string; text: string };

/**
 * The timeline of an incident: rows of a time and what happened then,
 * added and removed one at a time, in the order the writer keeps them.
 */
export const TimelineEditor = (props: {
  value: TimelineEntryDraft[];
  onChange: (value: TimelineEntryDraft[]) => void;
  /** An error about the timeline as a whole. */
  error?: string;
  /** Errors of single rows, as the API names them: `timeline.<i>.at|text`. */
  errors?: Partial<Record<string, string>>;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const entries = props.value;
  const errors = props.errors ?? {};
  const change = (index: number, entry: Partial<TimelineEntryDraft>) =>
    props.onChange(
      entries.map((other, i) => (i === index ? { ...other, ...entry } : other)),
    );
  return (
    <>
      <Typography variant="h6" component="h2" gutterBottom>
        {t('form.timeline')}
      </Typography>
      {props.error && <Alert severity="error">{props.error}</Alert>}
      {entries.map((entry, index) => (
        <Box
          // Entries have no identity of their own until they are saved.
          key={index}
          display="flex"
          alignItems="flex-start"
          style={{ gap: 8 }}
        >
          <DateTimeField
            id={`postmortem-timeline-${index}-at`}
            fullWidth={false}
            label={t('form.timelineAt')}
            value={entry.at}
            onChange={at => change(index, { at })}
            error={errors[`timeline.${index}.at`]}
          />
          <TextField
            id={`postmortem-timeline-${index}-text`}
            variant="outlined"
            margin="dense"
            fullWidth
            label={t('form.timelineText')}
            value={entry.text}
            onChange={e => change(index, { text: e.target.value })}
            error={Boolean(errors[`timeline.${index}.text`])}
            helperText={errors[`timeline.${index}.text`]}
          />
          <IconButton
            aria-label={t('form.removeTimelineEntry')}
            onClick={() =>
              props.onChange(entries.filter((_other, i) => i !== index))
            }
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Button
        startIcon={<AddIcon />}
        onClick={() => props.onChange([...entries, { at: '', text: '' }])}
      >
        {t('form.addTimelineEntry')}
      </Button>
    </>
  );
};
