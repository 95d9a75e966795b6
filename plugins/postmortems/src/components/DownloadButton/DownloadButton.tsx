import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import Button, { ButtonProps } from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import { ReactElement, useState } from 'react';
import { DownloadedFile } from '../../api';
import { errorMessage } from '../../lib/errors';
import { downloadFile } from './downloadFile';

/**
 * A button that fetches a file through the plugin's API client (a calendar
 * invite, a Markdown export, a zip) and saves it; a failure is an alert.
 */
export const DownloadButton = (props: {
  /** Fetches the file. */
  load: () => Promise<DownloadedFile>;
  label: string;
  /** A longer name for screen readers, when several buttons share a label. */
  ariaLabel?: string;
  icon: ReactElement;
  /** The alert's text when the download fails, given the error's message. */
  failedMessage: (message: string) => string;
  variant?: ButtonProps['variant'];
}) => {
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      const file = await props.load();
      downloadFile(file.blob, file.filename);
    } catch (e) {
      alertApi.post({
        message: props.failedMessage(errorMessage(e)),
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
      startIcon={busy ? <CircularProgress size={16} /> : props.icon}
      disabled={busy}
      onClick={onClick}
      aria-label={props.ariaLabel}
    >
      {props.label}
    </Button>
  );
};
