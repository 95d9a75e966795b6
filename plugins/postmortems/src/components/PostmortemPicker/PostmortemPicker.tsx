import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  Postmortem,
  ReadingSessionSuggestion,
  SuggestionReason,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { SeverityChip } from '../SeverityChip';
import { SuggestionReasons } from '../SuggestionReasons';

type Option = {
  postmortem: Postmortem;
  /** Set for a suggestion: why it is suggested. */
  reasons?: SuggestionReason[];
};

/** One option: title, severity, when it was last read, and why suggested. */
const OptionRow = (props: { option: Option }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const { postmortem: p, reasons } = props.option;
  return (
    <Box>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <SeverityChip severity={p.severity} />
        <Typography variant="body2">{p.title}</Typography>
      </Box>
      {p.readings?.lastReadAt && (
        <Typography variant="caption" color="textSecondary" component="p">
          {t('sessionPlanning.alreadyRead', {
            date: formatDate(p.readings.lastReadAt, language),
          })}
        </Typography>
      )}
      {reasons && reasons.length > 0 && <SuggestionReasons reasons={reasons} />}
    </Box>
  );
};

/**
 * Picks a published postmortem by title, for a reading session: the
 * suggestions first, with their severity, when they were last read and why,
 * then every published postmortem. The current pick stays selectable even
 * if it is no longer published; one that was deleted says so.
 */
export const PostmortemPicker = (props: {
  id?: string;
  label: string;
  value?: string;
  /** The current pick, so that its title shows before the list loads. */
  current?: Postmortem;
  /** Ranked candidates, offered first. */
  suggestions?: ReadingSessionSuggestion[];
  error?: string;
  onChange: (postmortemId: string | undefined) => void;
}) => {
  const { current, value, suggestions } = props;
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const { value: page, loading } = useAsync(
    () => api.listPostmortems({ status: 'published', limit: 100 }),
    [api],
  );
  const byId = useMemo(() => {
    const map = new Map<string, Option>();
    for (const s of suggestions ?? []) {
      map.set(s.postmortem.id, {
        postmortem: s.postmortem,
        reasons: s.reasons,
      });
    }
    for (const p of page?.items ?? []) {
      if (!map.has(p.id)) map.set(p.id, { postmortem: p });
    }
    if (current && !map.has(current.id))
      map.set(current.id, { postmortem: current });
    return map;
  }, [page, current, suggestions]);
  const options = useMemo(() => {
    const ids = Array.from(byId.keys());
    return value && !byId.has(value) ? [...ids, value] : ids;
  }, [byId, value]);
  // Neither published nor the current pick (which the caller loads first):
  // a pick that is nowhere was deleted.
  const label = (id: string) =>
    byId.get(id)?.postmortem.title ?? t('sessionPlanning.pickDeleted');
  return (
    <Autocomplete
      // The id on the Autocomplete, not only its text field: it is the one
      // that ties the label to the input.
      id={props.id}
      loading={loading}
      options={options}
      value={props.value ?? null}
      getOptionLabel={label}
      groupBy={
        suggestions && suggestions.length > 0
          ? id =>
              byId.get(id)?.reasons
                ? t('sessionPlanning.suggested')
                : t('sessionPlanning.allPublished')
          : undefined
      }
      renderOption={id => {
        const option = byId.get(id);
        return option ? <OptionRow option={option} /> : label(id);
      }}
      onChange={(_e, chosen) => props.onChange(chosen ?? undefined)}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          error={Boolean(props.error)}
          helperText={props.error}
          variant="outlined"
          margin="dense"
        />
      )}
    />
  );
};
