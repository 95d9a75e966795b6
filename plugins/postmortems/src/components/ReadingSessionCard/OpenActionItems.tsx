import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ActionItem } from '@postmortems/backstage-plugin-postmortems-common';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate } from '../../lib/format';
import { OverdueChip } from '../OverdueChip';
import { postmortemsTranslationRef } from '../../translation';

// The card shows the pick's most pressing items; the rest are a click away.
const ACTION_ITEM_COUNT = 5;

/** The pick's open action items, as a short list. */
export const OpenActionItems = (props: { items: ActionItem[] }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('readingSession.noOpenActionItems')}
      </Typography>
    );
  }
  return (
    <Box component="ul" m={0} pl={2.5}>
      {props.items.slice(0, ACTION_ITEM_COUNT).map(item => (
        <li key={item.id}>
          <Typography variant="body2" component="span">
            {item.title}
          </Typography>
          {item.owner && (
            <Typography variant="body2" color="textSecondary" component="span">
              {' · '}
              <EntityRefLink entityRef={item.owner} defaultKind="group" />
            </Typography>
          )}
          {item.dueDate && (
            <Typography variant="body2" color="textSecondary" component="span">
              {' · '}
              {t('readingSession.dueDate', {
                date: formatDate(item.dueDate, language),
              })}
            </Typography>
          )}
          {item.overdue && (
            <span style={{ marginLeft: 8 }}>
              <OverdueChip dueDate={item.dueDate} />
            </span>
          )}
        </li>
      ))}
    </Box>
  );
};
