import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import CloseIcon from '@material-ui/icons/Close';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useRestorePostmortem } from '../../hooks/useRestorePostmortem';
import { postmortemsTranslationRef } from '../../translation';

type DeletedPostmortem = { id: string; title: string };

/**
 * The navigation state with which the detail page hands a just-deleted
 * postmortem to the list, so the list can offer to undo the delete.
 */
export function deletedPostmortemState(postmortem: DeletedPostmortem): {
  deletedPostmortem: DeletedPostmortem;
} {
  return {
    deletedPostmortem: { id: postmortem.id, title: postmortem.title },
  };
}

/**
 * "Postmortem deleted." with an Undo button, shown when the list was
 * reached right after a delete. Restoring calls `onRestored` so the list
 * shows the postmortem again.
 */
export const UndoDeleteAlert = (props: { onRestored: () => void }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const restore = useRestorePostmortem();
  const location = useLocation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const deleted = (
    location.state as Partial<ReturnType<typeof deletedPostmortemState>> | null
  )?.deletedPostmortem;
  if (!deleted) return null;

  // Dropping the state (rather than hiding the alert locally) keeps a page
  // reload or a step back in history from offering the undo again.
  const dismiss = () => {
    setError(undefined);
    navigate(
      { pathname: location.pathname, search: location.search },
      { replace: true, state: null },
    );
  };

  const undo = async () => {
    setBusy(true);
    setError(undefined);
    const failure = await restore(deleted);
    setBusy(false);
    if (failure) {
      setError(failure);
    } else {
      dismiss();
      props.onRestored();
    }
  };

  return (
    <Box mb={2}>
      <Alert
        severity={error ? 'error' : 'success'}
        action={
          <>
            <Button color="inherit" size="small" disabled={busy} onClick={undo}>
              {t('list.undo')}
            </Button>
            <IconButton
              color="inherit"
              size="small"
              aria-label={t('common.dismiss')}
              onClick={dismiss}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          </>
        }
      >
        {error ?? t('detail.deleted')}
      </Alert>
    </Box>
  );
};
