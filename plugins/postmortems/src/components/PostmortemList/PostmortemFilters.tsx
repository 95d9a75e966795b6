import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import FormControl from '@material-ui/core/FormControl';
import InputAdornment from '@material-ui/core/InputAdornment';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import CancelIcon from '@material-ui/icons/Cancel';
import SearchIcon from '@material-ui/icons/Search';
import {
  DETECTIONS,
  POSTMORTEM_STATUSES,
  SEVERITIES,
} from '@postmortems/backstage-plugin-postmortems-common';
import { ReactNode } from 'react';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { EntityRefPicker } from '../EntityRefPicker';
import { SelectFilters, usePostmortemFilters } from './usePostmortemFilters';

const useStyles = makeStyles(theme => ({
  // The outlined fields' resting labels sit on the page background, where
  // the theme's secondary text falls just short of 4.5:1.
  toolbar: {
    '& .MuiInputLabel-root:not(.Mui-focused):not(.Mui-error)': {
      color: theme.palette.text.primary,
    },
  },
  picker: { minWidth: 220, '& .MuiFormControl-marginDense': { margin: 0 } },
}));

/**
 * The list's search box and filters; on the standalone list also service
 * and team. Every change goes to the URL (see `usePostmortemFilters`).
 */
export const PostmortemFilters = (props: {
  filters: ReturnType<typeof usePostmortemFilters>;
  /** Offer the service and team filters (not on an entity's own tab). */
  byEntity: boolean;
  /** Shown at the end of the row. */
  actions?: ReactNode;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const classes = useStyles();
  const language = useLanguage();
  const { filters } = props;

  const filterSelect = <K extends keyof SelectFilters>(
    key: K,
    label: string,
    values: readonly NonNullable<SelectFilters[K]>[],
    labelOf: (value: NonNullable<SelectFilters[K]>) => string,
  ) => (
    <FormControl variant="outlined" size="small" style={{ minWidth: 160 }}>
      <InputLabel id={`postmortems-filter-${key}`}>{label}</InputLabel>
      <Select
        labelId={`postmortems-filter-${key}`}
        label={label}
        value={filters.selects[key] ?? ''}
        onChange={e => filters.set({ [key]: e.target.value as string })}
      >
        <MenuItem value="">{t('common.all')}</MenuItem>
        {values.map(value => (
          <MenuItem key={value} value={value}>
            {labelOf(value)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );

  return (
    <Box
      className={classes.toolbar}
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      mb={2}
      style={{ gap: 12 }}
    >
      <TextField
        id="postmortems-search"
        variant="outlined"
        size="small"
        label={t('list.search')}
        placeholder={t('list.searchPlaceholder')}
        value={filters.searchText}
        onChange={e => filters.setSearchText(e.target.value)}
        onCompositionStart={() => filters.setComposing(true)}
        onCompositionEnd={() => filters.setComposing(false)}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
      {filterSelect('status', t('list.filterStatus'), POSTMORTEM_STATUSES, v =>
        t(`postmortemStatus.${v}`),
      )}
      {filterSelect('severity', t('list.filterSeverity'), SEVERITIES, v =>
        t(`severity.${v}`),
      )}
      {filterSelect('detection', t('list.filterDetection'), DETECTIONS, v =>
        t(`detection.${v}`),
      )}
      {props.byEntity && (
        <>
          <Box className={classes.picker}>
            <EntityRefPicker
              id="postmortems-filter-service"
              kinds={['Component', 'System', 'Resource']}
              label={t('listFilter.service')}
              value={filters.service}
              onChange={service => filters.set({ service })}
            />
          </Box>
          <Box className={classes.picker}>
            <EntityRefPicker
              id="postmortems-filter-team"
              kinds={['Group']}
              label={t('listFilter.team')}
              value={filters.team}
              onChange={team => filters.set({ team })}
            />
          </Box>
        </>
      )}
      {filters.from && (
        <Chip
          label={t('listFilter.since', {
            date: formatDate(filters.from, language),
          })}
          onDelete={() => filters.set({ from: undefined })}
          deleteIcon={<CancelIcon titleAccess={t('listFilter.clearSince')} />}
        />
      )}
      {filters.active && (
        <Button size="small" onClick={filters.clear}>
          {t('listFilter.clear')}
        </Button>
      )}
      <Box flexGrow={1} />
      {props.actions}
    </Box>
  );
};
