import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import { postmortemsTranslationRef } from '../../translation';

/**
 * The button that saves a form or dialog: "Saving…" and disabled while the
 * save runs, so a second click cannot send it twice.
 */
export const SaveButton = (props: {
  saving: boolean;
  onClick: () => void;
  /** Disabled for another reason too, such as a conflict to resolve first. */
  disabled?: boolean;
  /** What the button says when idle; "Save" unless told otherwise. */
  label?: string;
  variant?: 'contained' | 'text';
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return (
    <Button
      color="primary"
      variant={props.variant ?? 'contained'}
      disabled={props.saving || props.disabled}
      onClick={props.onClick}
    >
      {props.saving ? t('common.saving') : props.label ?? t('common.save')}
    </Button>
  );
};
