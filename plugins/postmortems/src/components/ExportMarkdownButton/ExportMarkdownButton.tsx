import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ButtonProps } from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { DownloadedFile } from '../../api';
import { postmortemsTranslationRef } from '../../translation';
import { DownloadButton } from '../DownloadButton';

/**
 * Downloads an export (one postmortem's Markdown, a list's zip) through
 * the plugin's API client and saves it under the name the server gave it.
 */
export const ExportMarkdownButton = (props: {
  /** Fetches the file. */
  load: () => Promise<DownloadedFile>;
  label: string;
  variant?: ButtonProps['variant'];
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return (
    <DownloadButton
      {...props}
      icon={<GetAppIcon />}
      failedMessage={message => t('markdown.exportFailed', { message })}
    />
  );
};
