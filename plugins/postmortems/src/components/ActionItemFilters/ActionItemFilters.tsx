import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  PRIORITIES,
  Priority,
} from '@postmortems/backstage-plugin-postmortems-common';
import { ActionItemFilter } from '../../lib/actionItems';
import { postmortemsTranslationRef } from '../../translation';
import { EntityRefPicker } from '../EntityRefPicker';
import { SelectField } from '../SelectField';
import {
  ActionItemFilterChange,
  ActionItemFilterValues,
} from './useActionItemFilters';

const STATUS_FILTERS = ['open', 'overdue', 'done'] as const;
const STATUS_LABELS = {
  open: 'actionItems.filterOpen',
  overdue: 'actionItems.filterOverdue',
  done: 'actionItems.filterDone',
} as const;
const ANY = 'any';

/** An owner to offer in the owner filter, with the name to show. */
export type OwnerOption = { ref: string; label: string };

const useStyles = makeStyles({ field: { minWidth: 180 } });

/**
 * The filters of an action item list: Open / Overdue / Done with their
 * counts, owner, service, priority and "only mine".
 */
export const ActionItemFilters = (props: {
  filters: ActionItemFilterValues;
  onChange: (change: ActionItemFilterChange) => void;
  counts?: Record<ActionItemFilter, string>;
  /** A fixed set of owners (a team); without it any group or user. */
  ownerOptions?: OwnerOption[];
  /** Offer the service filter (not on a component's own tab). */
  showService: boolean;
  /** Offer "only mine" (when the signed-in user can own items here). */
  showMine: boolean;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const classes = useStyles();
  const theme = useTheme();
  const { filters, onChange, counts } = props;
  return (
    // On the paper colour rather than the page's grey, where the fields'
    // secondary-text labels would fall just short of 4.5:1.
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      mb={2}
      px={2}
      py={1}
      bgcolor="background.paper"
      borderRadius={4}
      style={{ gap: 12 }}
    >
      <Typography variant="body2" id="action-item-filter-label">
        {t('actionItems.filterLabel')}
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={filters.status}
        aria-labelledby="action-item-filter-label"
        onChange={(_e, value) => value && onChange({ status: value })}
      >
        {STATUS_FILTERS.map(status => {
          const label = t(STATUS_LABELS[status]);
          return (
            <ToggleButton
              key={status}
              value={status}
              // The lab's selected state is a faint grey on grey; the
              // primary colour with its contrast text says "this one" at
              // more than 4.5:1.
              style={
                status === filters.status
                  ? {
                      backgroundColor: theme.palette.primary.main,
                      color: theme.palette.primary.contrastText,
                    }
                  : { color: theme.palette.text.primary }
              }
            >
              {counts
                ? t('actionItems.filterWithCount', {
                    label,
                    total: counts[status],
                  })
                : label}
            </ToggleButton>
          );
        })}
      </ToggleButtonGroup>
      <Box className={classes.field}>
        {props.ownerOptions ? (
          <SelectField
            id="action-item-filter-owner"
            label={t('actionItems.filterOwner')}
            value={filters.owner ?? ANY}
            options={[
              { value: ANY, label: t('actionItems.filterAny') },
              ...props.ownerOptions.map(o => ({
                value: o.ref,
                label: o.label,
              })),
            ]}
            onChange={value =>
              onChange({ owner: value === ANY ? undefined : value })
            }
          />
        ) : (
          <EntityRefPicker
            id="action-item-filter-owner"
            kinds={['Group', 'User']}
            label={t('actionItems.filterOwner')}
            value={filters.owner}
            onChange={owner => onChange({ owner })}
          />
        )}
      </Box>
      {props.showService && (
        <Box className={classes.field}>
          <EntityRefPicker
            id="action-item-filter-service"
            kinds={['Component', 'System', 'Resource']}
            label={t('actionItems.filterService')}
            value={filters.entityRef}
            onChange={entityRef => onChange({ entityRef })}
          />
        </Box>
      )}
      <Box className={classes.field}>
        <SelectField<Priority | typeof ANY>
          id="action-item-filter-priority"
          label={t('actionItems.filterPriority')}
          value={filters.priority[0] ?? ANY}
          options={[
            { value: ANY, label: t('actionItems.filterAny') },
            ...PRIORITIES.map(p => ({ value: p, label: t(`priority.${p}`) })),
          ]}
          onChange={value =>
            onChange({ priority: value === ANY ? undefined : [value] })
          }
        />
      </Box>
      {props.showMine && (
        <FormControlLabel
          control={
            <Switch
              color="primary"
              checked={filters.mine}
              onChange={(_e, mine) => onChange({ mine })}
            />
          }
          label={t('actionItems.filterMine')}
        />
      )}
    </Box>
  );
};
