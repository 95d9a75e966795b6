import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Button, { ButtonProps } from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import EventAvailableIcon from '@material-ui/icons/EventAvailable';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { postmortemsTranslationRef } from '../../translation';
import { downloadCalendar } from './downloadCalendar';

/**
 * "Add to calendar": fetches an invite (`.ics`) through the plugin's API
 * client and saves it as a file the calendar app opens.
 */
export const AddToCalendarButton = (props: {
  /** Fetches the iCalendar text. */
  load: () => Promise<string>;
  filename: string;
  /** The button's text; "Add to calendar" when left out. */
  label?: string;
  variant?: ButtonProps['variant'];
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      downloadCalendar(await props.load(), props.filename);
    } catch (e) {
      alertApi.post({
        message: t('calendar.failed', { message: errorMessage(e) }),
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      color="primary"
      variant={props.variant ?? 'outlined'}
      startIcon={busy ? <CircularProgress size={16} /> : <EventAvailableIcon />}
      disabled={busy}
      onClick={onClick}
    >
      {props.label ?? t('calendar.add')}
    </Button>
  );
};
