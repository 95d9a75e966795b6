import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import { postmortemsApiRef } from '../api';
import { errorMessage } from '../lib/errors';
import { postmortemsTranslationRef } from '../translation';

/**
 * Restores a deleted postmortem and says so. Resolves to `undefined` when
 * restored, or to the text saying why not (e.g. the backend's 403), for
 * the caller to show where the user asked.
 */
export function useRestorePostmortem(): (postmortem: {
  id: string;
  title: string;
}) => Promise<string | undefined> {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const alertApi = useApi(alertApiRef);
  return useCallback(
    async ({ id, title }) => {
      try {
        await api.restorePostmortem(id);
      } catch (e) {
        return t('list.restoreFailed', { title, message: errorMessage(e) });
      }
      alertApi.post({
        message: t('list.restored', { title }),
        severity: 'success',
        display: 'transient',
      });
      return undefined;
    },
    [api, alertApi, t],
  );
}
