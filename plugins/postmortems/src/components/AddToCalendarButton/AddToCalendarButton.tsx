import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ButtonProps } from '@material-ui/core/Button';
import EventAvailableIcon from '@material-ui/icons/EventAvailable';
import { postmortemsTranslationRef } from '../../translation';
import { DownloadButton } from '../DownloadButton';

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
  const { load, filename } = props;
  return (
    <DownloadButton
      load={async () => ({
        blob: new Blob([await load()], {
          type: 'text/calendar;charset=utf-8',
        }),
        filename,
      })}
      label={props.label ?? t('calendar.add')}
      variant={props.variant}
      icon={<EventAvailableIcon />}
      failedMessage={message => t('calendar.failed', { message })}
    />
  );
};
