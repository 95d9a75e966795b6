import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { postmortemsTranslationRef } from '../../translation';

/**
 * Says that a save was refused because someone else changed the record
 * first (409), and offers to reload instead of overwriting their change.
 */
export const ConflictAlert = (props: { onReload: () => void }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return (
    <Alert
      severity="warning"
      role="alert"
      action={
        <Button color="inherit" size="small" onClick={props.onReload}>
          {t('common.reload')}
        </Button>
      }
    >
      <AlertTitle>{t('conflict.title')}</AlertTitle>
      {t('conflict.description')}
    </Alert>
  );
};
