import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { Severity } from '@postmortems/backstage-plugin-postmortems-common';
import { postmortemsTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  sev1: { backgroundColor: theme.palette.error.dark, color: '#fff' },
  sev2: { backgroundColor: theme.palette.error.main, color: '#fff' },
  sev3: { backgroundColor: theme.palette.warning.main, color: '#000' },
  sev4: { backgroundColor: theme.palette.grey[300], color: '#000' },
}));

/** A severity, coloured so the worst incidents stand out in a list. */
export const SeverityChip = (props: { severity: Severity }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const classes = useStyles();
  return (
    <Chip
      size="small"
      className={classes[props.severity]}
      label={t(`severity.${props.severity}`)}
    />
  );
};
