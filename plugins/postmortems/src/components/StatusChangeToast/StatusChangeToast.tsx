import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Snackbar from '@material-ui/core/Snackbar';
import CloseIcon from '@material-ui/icons/Close';
import { ActionItemStatusChange } from '../../hooks/useActionItemStatusChange';
import { postmortemsTranslationRef } from '../../translation';

// Long enough to notice a mis-click and reach the button.
const SHOW_MS = 10_000;

/**
 * "“Alert on queue depth” is now Done." with Undo, after an inline status
 * change.
 */
export const StatusChangeToast = (props: {
  change?: ActionItemStatusChange;
  onUndo: () => void;
  onClose: () => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const { change } = props;
  return (
    <Snackbar
      open={Boolean(change)}
      autoHideDuration={SHOW_MS}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      onClose={(_e, reason) => reason !== 'clickaway' && props.onClose()}
      message={
        change &&
        t('actionItems.statusChangedNamed', {
          title: change.item.title,
          status: t(`actionItemStatus.${change.item.status}`),
        })
      }
      action={
        <>
          <Button color="inherit" size="small" onClick={props.onUndo}>
            {t('actionItems.undo')}
          </Button>
          <IconButton
            color="inherit"
            size="small"
            aria-label={t('common.dismiss')}
            onClick={props.onClose}
          >
            <CloseIcon fontSize="small" />
          </IconButton>
        </>
      }
    />
  );
};
