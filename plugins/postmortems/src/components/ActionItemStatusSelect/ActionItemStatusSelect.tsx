import { useTranslationRef } from '@backstage/frontend-plugin-api';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import {
  ACTION_ITEM_STATUSES,
  ActionItemStatus,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useState } from 'react';
import { postmortemsTranslationRef } from '../../translation';

/**
 * Changes an action item's status in place, one click from the list. Its
 * accessible name says both the item and the status it shows, since a
 * screen reader reads the name rather than the select's text.
 */
export const ActionItemStatusSelect = (props: {
  status: ActionItemStatus;
  /** The item's title, for the accessible name. */
  itemTitle: string;
  onChange: (status: ActionItemStatus) => Promise<void>;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const [busy, setBusy] = useState(false);
  return (
    <Select
      value={props.status}
      disabled={busy}
      disableUnderline
      inputProps={{
        'aria-label': t('actionItems.statusSelectLabel', {
          title: props.itemTitle,
          status: t(`actionItemStatus.${props.status}`),
        }),
      }}
      onChange={async e => {
        setBusy(true);
        try {
          await props.onChange(e.target.value as ActionItemStatus);
        } finally {
          setBusy(false);
        }
      }}
    >
      {ACTION_ITEM_STATUSES.map(status => (
        <MenuItem key={status} value={status}>
          {t(`actionItemStatus.${status}`)}
        </MenuItem>
      ))}
    </Select>
  );
};
