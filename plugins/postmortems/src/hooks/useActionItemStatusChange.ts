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

/** The last change, which can still be undone. */
export type ActionItemStatusChange = {
  item: ActionItem;
  previous: ActionItemStatus;
};

/**
 * Changes an action item's status in place, from a list: with the version
 * the list shows, so a change made meanwhile is reported (409) rather than
 * overwritten. Other failures are posted as alerts, since an inline change
 * has no form to show them in.
 *
 * With `undoable`, the caller shows `lastChange` (a toast with Undo, see
 * StatusChangeToast) instead of the plain alert; `undo` puts the previous
 * status back with the new version.
 */
export function useActionItemStatusChange(
  /** Called with the item as the server now has it. */
  onChanged: (updated: ActionItem) => void,
  options: { undoable?: boolean } = {},
): {
  changeStatus: (item: ActionItem, status: ActionItemStatus) => Promise<void>;
  conflict: boolean;
  /** Forgets the conflict, when the list reloads. */
  clearConflict: () => void;
  lastChange?: ActionItemStatusChange;
  undo: () => Promise<void>;
  dismissChange: () => void;
} {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const alertApi = useApi(alertApiRef);
  const [conflict, setConflict] = useState(false);
  const [lastChange, setLastChange] = useState<ActionItemStatusChange>();

  const save = async (item: ActionItem, status: ActionItemStatus) => {
    try {
      const updated = await api.updateActionItem(item.id, {
        status,
        version: item.version,
      });
      onChanged(updated);
      return updated;
    } catch (e) {
      if (isConflict(e)) {
        setConflict(true);
      } else {
        alertApi.post({ message: errorMessage(e), severity: 'error' });
      }
      return undefined;
    }
  };

  const changeStatus = async (item: ActionItem, status: ActionItemStatus) => {
    const updated = await save(item, status);
    if (!updated) return;
    if (options.undoable) {
      setLastChange({ item: updated, previous: item.status });
    } else {
      alertApi.post({
        message: t('actionItems.statusChanged'),
        severity: 'success',
        display: 'transient',
      });
    }
  };

  const undo = async () => {
    if (!lastChange) return;
    setLastChange(undefined);
    await save(lastChange.item, lastChange.previous);
  };

  return {
    changeStatus,
    conflict,
    clearConflict: () => setConflict(false),
    lastChange,
    undo,
    dismissChange: () => setLastChange(undefined),
  };
}
