import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import { ReadingSessionStatus } from '@postmortems/backstage-plugin-postmortems-common';
import { postmortemsTranslationRef } from '../../translation';

/** The label of each reading session status, for chips and selects. */
export function useReadingSessionStatusLabel(): (
  status: ReadingSessionStatus,
) => string {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return status =>
    ({
      planned: t('readingSession.statusPlanned'),
      held: t('readingSession.statusHeld'),
      cancelled: t('readingSession.statusCancelled'),
    }[status]);
}

/** The status of a reading session; held ones stand out as done. */
export const ReadingSessionStatusChip = (props: {
  status: ReadingSessionStatus;
}) => {
  const label = useReadingSessionStatusLabel();
  return (
    <Chip
      size="small"
      label={label(props.status)}
      color={props.status === 'held' ? 'primary' : 'default'}
      variant={props.status === 'planned' ? 'outlined' : 'default'}
    />
  );
};
