import { useApi } from '@backstage/frontend-plugin-api';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { Postmortem } from '@postmortems/backstage-plugin-postmortems-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { postmortemsApiRef } from '../../api';

/**
 * Picks a published postmortem by title, for a reading session. The
 * current pick stays selectable even if it is no longer published.
 */
export const PostmortemPicker = (props: {
  id?: string;
  label: string;
  value?: string;
  /** The current pick, so that its title shows before the list loads. */
  current?: Postmortem;
  onChange: (postmortemId: string | undefined) => void;
}) => {
  const { current, value } = props;
  const api = useApi(postmortemsApiRef);
  const { value: page, loading } = useAsync(
    () => api.listPostmortems({ status: 'published', limit: 100 }),
    [api],
  );
  const titles = useMemo(() => {
    const map = new Map<string, string>();
    if (current) map.set(current.id, current.title);
    for (const p of page?.items ?? []) map.set(p.id, p.title);
    return map;
  }, [page, current]);
  const options = useMemo(() => {
    const ids = Array.from(titles.keys());
    return value && !titles.has(value) ? [...ids, value] : ids;
  }, [titles, value]);
  return (
    <Autocomplete
      loading={loading}
      options={options}
      value={props.value ?? null}
      getOptionLabel={id => titles.get(id) ?? id}
      onChange={(_e, chosen) => props.onChange(chosen ?? undefined)}
      renderInput={params => (
        <TextField
          {...params}
          id={props.id}
          label={props.label}
          variant="outlined"
          margin="dense"
        />
      )}
    />
  );
};
