import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ReadingSessionSeriesResponse,
  ReadingSessionSeriesRule,
  WEEKDAYS,
  WeekOfMonth,
  Weekday,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { useSaveErrors } from '../../hooks/useSaveErrors';
import { postmortemsTranslationRef } from '../../translation';
import { EntityRefPicker } from '../EntityRefPicker';
import { SaveButton } from '../SaveButton';
import { SelectField } from '../SelectField';
import {
  browserTimeZone,
  defaultStartMonth,
  isTimeZone,
  monthIn,
  seriesDates,
} from './seriesDates';

const FIELDS = [
  'ownerGroup',
  'rule.weekday',
  'rule.week',
  'rule.time',
  'rule.timezone',
  'months',
  'startMonth',
  'durationMinutes',
  'facilitator',
] as const;
type Field = (typeof FIELDS)[number];

const WEEKS = ['1', '2', '3', '4', 'last'] as const;
type WeekValue = (typeof WEEKS)[number];

const DEFAULT_MONTHS = 12;
const DEFAULT_DURATION = 30;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const weekOf = (value: WeekValue): WeekOfMonth =>
  value === 'last' ? 'last' : (Number(value) as WeekOfMonth);

/**
 * Schedules a series in one step: one session a month (e.g. the first
 * Thursday, 16:00 in Tokyo, 30 minutes) for up to 24 months, each a normal
 * session to move, cancel or pick for later. The dates it will create are
 * listed before it is saved, with the months the group already meets in
 * (those are skipped).
 */
export const ScheduleSeriesDialog = (props: {
  ownerGroup?: string;
  /** The configured time zone; asked of the API for the group if absent. */
  timezone?: string;
  onClose: () => void;
  onScheduled: (result: ReadingSessionSeriesResponse) => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const language = useLanguage();
  const [ownerGroup, setOwnerGroup] = useState(props.ownerGroup);
  const [weekday, setWeekday] = useState<Weekday>('thursday');
  const [week, setWeek] = useState<WeekValue>('1');
  const [time, setTime] = useState('16:00');
  const [timezone, setTimezoneValue] = useState(
    props.timezone ?? browserTimeZone(),
  );
  const [timezoneTouched, setTimezoneTouched] = useState(false);
  const [duration, setDuration] = useState(String(DEFAULT_DURATION));
  const [months, setMonths] = useState(String(DEFAULT_MONTHS));
  const [startMonth, setStartMonthValue] = useState('');
  const [startTouched, setStartTouched] = useState(false);
  const [facilitator, setFacilitator] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { fieldErrors, setFieldErrors, formError, clear, fail } = useSaveErrors(
    { fields: FIELDS, conflicts: false },
  );

  // The configured zone (which decides a session's month) and the months
  // in which the group already meets.
  const { value: group } = useAsync(async () => {
    if (!ownerGroup) return undefined;
    const [current, sessions] = await Promise.all([
      api.getCurrentReadingSession(ownerGroup).catch(() => undefined),
      api.listReadingSessions({ ownerGroup, limit: 100 }),
    ]);
    return { timezone: current?.timezone, sessions: sessions.items };
  }, [api, ownerGroup]);
  const monthZone = props.timezone ?? group?.timezone ?? timezone;
  useEffect(() => {
    if (group?.timezone && !props.timezone && !timezoneTouched) {
      setTimezoneValue(group.timezone);
    }
  }, [group, props.timezone, timezoneTouched]);

  const rule: ReadingSessionSeriesRule | undefined =
    TIME.test(time) && isTimeZone(timezone)
      ? { weekday, week: weekOf(week), time, timezone }
      : undefined;
  const taken = useMemo(
    () =>
      new Set(
        (group?.sessions ?? [])
          .filter(s => s.status !== 'cancelled')
          .map(s =>
            isTimeZone(monthZone) ? monthIn(s.scheduledAt, monthZone) : '',
          ),
      ),
    [group, monthZone],
  );
  const proposedStart = rule
    ? defaultStartMonth({ rule, now: new Date(), taken, monthZone })
    : undefined;
  useEffect(() => {
    if (!startTouched && proposedStart) setStartMonthValue(proposedStart);
  }, [startTouched, proposedStart]);

  const monthCount = Number(months);
  const validMonths =
    Number.isInteger(monthCount) && monthCount >= 1 && monthCount <= 24;
  const preview =
    rule && validMonths && MONTH.test(startMonth)
      ? seriesDates({ rule, months: monthCount, startMonth, taken, monthZone })
      : [];
  const created = preview.filter(d => !d.skipped).length;

  const formatIn = (at: Date) =>
    new Intl.DateTimeFormat(language, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: timezone,
    }).format(at);

  const save = async () => {
    clear();
    const errors: Partial<Record<Field, string>> = {};
    const minutes = Number(duration);
    if (!ownerGroup) errors.ownerGroup = t('form.required');
    if (!TIME.test(time)) errors['rule.time'] = t('form.invalid');
    if (!isTimeZone(timezone)) {
      errors['rule.timezone'] = t('readingSeries.invalidTimezone');
    }
    if (!validMonths) errors.months = t('readingSeries.monthsRange');
    if (!MONTH.test(startMonth)) errors.startMonth = t('form.invalid');
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480) {
      errors.durationMinutes = t('form.invalid');
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || !ownerGroup || !rule) return;
    setBusy(true);
    try {
      const result = await api.createReadingSessionSeries({
        ownerGroup,
        rule,
        months: monthCount,
        startMonth,
        durationMinutes: minutes,
        ...(facilitator ? { facilitator } : {}),
      });
      props.onScheduled(result);
    } catch (e) {
      fail(e);
      // Only on failure: after a success the dialog is closing.
      setBusy(false);
    }
  };

  const weekdayLabels: Record<Weekday, string> = {
    monday: t('readingSeries.weekdayMonday'),
    tuesday: t('readingSeries.weekdayTuesday'),
    wednesday: t('readingSeries.weekdayWednesday'),
    thursday: t('readingSeries.weekdayThursday'),
    friday: t('readingSeries.weekdayFriday'),
    saturday: t('readingSeries.weekdaySaturday'),
    sunday: t('readingSeries.weekdaySunday'),
  };
  const weekLabels: Record<WeekValue, string> = {
    '1': t('readingSeries.week1'),
    '2': t('readingSeries.week2'),
    '3': t('readingSeries.week3'),
    '4': t('readingSeries.week4'),
    last: t('readingSeries.weekLast'),
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="reading-series-title"
    >
      <DialogTitle id="reading-series-title">
        {t('readingSeries.title')}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('readingSeries.intro')}
        </Typography>
        {formError && <Alert severity="error">{formError}</Alert>}
        {!props.ownerGroup && (
          <EntityRefPicker
            id="reading-series-group"
            kinds={['Group']}
            label={t('readingSession.fieldGroup')}
            value={ownerGroup}
            onChange={setOwnerGroup}
            error={Boolean(fieldErrors.ownerGroup)}
            helperText={fieldErrors.ownerGroup}
            required
          />
        )}
        <Grid container spacing={1}>
          <Grid item xs={6}>
            <SelectField
              id="reading-series-week"
              label={t('readingSeries.fieldWeek')}
              value={week}
              options={WEEKS.map(value => ({
                value,
                label: weekLabels[value],
              }))}
              onChange={setWeek}
              error={fieldErrors['rule.week']}
            />
          </Grid>
          <Grid item xs={6}>
            <SelectField
              id="reading-series-weekday"
              label={t('readingSeries.fieldWeekday')}
              value={weekday}
              options={WEEKDAYS.map(value => ({
                value,
                label: weekdayLabels[value],
              }))}
              onChange={setWeekday}
              error={fieldErrors['rule.weekday']}
            />
          </Grid>
          <Grid item xs={4}>
            <TextField
              id="reading-series-time"
              label={t('readingSeries.fieldTime')}
              type="time"
              value={time}
              onChange={e => setTime(e.target.value)}
              error={Boolean(fieldErrors['rule.time'])}
              helperText={fieldErrors['rule.time']}
              InputLabelProps={{ shrink: true }}
              fullWidth
              variant="outlined"
              margin="dense"
            />
          </Grid>
          <Grid item xs={8}>
            <TextField
              id="reading-series-timezone"
              label={t('readingSeries.fieldTimezone')}
              value={timezone}
              onChange={e => {
                setTimezoneTouched(true);
                setTimezoneValue(e.target.value);
              }}
              error={Boolean(fieldErrors['rule.timezone'])}
              helperText={
                fieldErrors['rule.timezone'] ?? t('readingSeries.timezoneHint')
              }
              fullWidth
              variant="outlined"
              margin="dense"
            />
          </Grid>
          <Grid item xs={4}>
            <TextField
              id="reading-series-duration"
              label={t('readingSession.fieldDuration')}
              type="number"
              value={duration}
              onChange={e => setDuration(e.target.value)}
              error={Boolean(fieldErrors.durationMinutes)}
              helperText={fieldErrors.durationMinutes}
              inputProps={{ min: 5, max: 480, step: 5 }}
              fullWidth
              variant="outlined"
              margin="dense"
            />
          </Grid>
          <Grid item xs={4}>
            <TextField
              id="reading-series-months"
              label={t('readingSeries.fieldMonths')}
              type="number"
              value={months}
              onChange={e => setMonths(e.target.value)}
              error={Boolean(fieldErrors.months)}
              helperText={fieldErrors.months}
              inputProps={{ min: 1, max: 24 }}
              fullWidth
              variant="outlined"
              margin="dense"
            />
          </Grid>
          <Grid item xs={4}>
            <TextField
              id="reading-series-start"
              label={t('readingSeries.fieldStartMonth')}
              type="month"
              value={startMonth}
              onChange={e => {
                setStartTouched(true);
                setStartMonthValue(e.target.value);
              }}
              error={Boolean(fieldErrors.startMonth)}
              helperText={fieldErrors.startMonth}
              InputLabelProps={{ shrink: true }}
              placeholder="YYYY-MM"
              fullWidth
              variant="outlined"
              margin="dense"
            />
          </Grid>
        </Grid>
        <EntityRefPicker
          id="reading-series-facilitator"
          kinds={['User']}
          label={t('readingSession.fieldFacilitator')}
          value={facilitator}
          onChange={setFacilitator}
          error={Boolean(fieldErrors.facilitator)}
          helperText={fieldErrors.facilitator}
        />
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3" id="series-preview">
            {t('readingSeries.preview', { count: created })}
          </Typography>
          <List dense aria-labelledby="series-preview">
            {preview.map(d => (
              <ListItem key={d.month} disableGutters>
                <ListItemText
                  primary={formatIn(d.at)}
                  secondary={
                    d.skipped ? t('readingSeries.skippedMonth') : undefined
                  }
                  primaryTypographyProps={
                    d.skipped
                      ? {
                          color: 'textSecondary',
                          style: { textDecoration: 'line-through' },
                        }
                      : undefined
                  }
                />
              </ListItem>
            ))}
          </List>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <SaveButton
          saving={busy}
          label={t('readingSeries.save')}
          onClick={save}
        />
      </DialogActions>
    </Dialog>
  );
};
