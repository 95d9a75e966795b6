import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  ActionItem,
  ActionItemStatus,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useState } from 'react';
import { postmortemsApiRef } from '../api';
import { errorMessage, isConflict } from '../lib/errors';
import { postmortemsTranslationRef } from '../translation';

/**
 * Changes an action item's status in place, from a list: with the version
 * the list shows, so a change made meanwhile is reported (409) rather than
 * overwritten. Other failures are posted as alerts, since an inline change
 * has no form to show them in.
 */
export function useActionItemStatusChange(
  /** Called with the item as the server now has it. */
  onChanged: (updated: ActionItem) => void,
): {
  changeStatus: (item: ActionItem, status: ActionItemStatus) => Promise<void>;
  conflict: boolean;
  /** Forgets the conflict, when the list reloads. */
  clearConflict: () => void;
} {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const alertApi = useApi(alertApiRef);
  const [conflict, setConflict] = useState(false);

  const changeStatus = async (item: ActionItem, status: ActionItemStatus) => {
    try {
      const updated = await api.updateActionItem(item.id, {
        status,
        version: item.version,
      });
      onChanged(updated);
      alertApi.post({
        message: t('actionItems.statusChanged'),
        severity: 'success',
        display: 'transient',
      });
    } catch (e) {
      if (isConflict(e)) {
        setConflict(true);
      } else {
        alertApi.post({ message: errorMessage(e), severity: 'error' });
      }
    }
  };

  return {
    changeStatus,
    conflict,
    clearConflict: () => setConflict(false),
  };
}
