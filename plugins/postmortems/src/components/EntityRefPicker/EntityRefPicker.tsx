import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';

type CommonProps = {
  /** Catalog kinds to offer, e.g. `['Component', 'System']`. */
  kinds: string[];
  label: string;
  error?: boolean;
  helperText?: string;
  required?: boolean;
  id?: string;
};

type Props =
  | (CommonProps & {
      multiple: true;
      value: string[];
      onChange: (value: string[]) => void;
    })
  | (CommonProps & {
      multiple?: false;
      value: string | undefined;
      onChange: (value: string | undefined) => void;
    });

function labelOf(entity: Entity): string {
  const title =
    entity.metadata.title ??
    (entity.spec?.profile as { displayName?: string } | undefined)?.displayName;
  const ref = humanizeEntityRef(entity);
  return title ? `${title} (${ref})` : ref;
}

/**
 * Picks catalog entities by name or title; the value is full entity refs.
 * Refs that are not (or no longer) in the catalog stay selectable.
 */
export const EntityRefPicker = (props: Props) => {
  const catalogApi = useApi(catalogApiRef);
  const kindsKey = props.kinds.join(',');
  const { value: entities, loading } = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: { kind: kindsKey.split(',') },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return response.items;
  }, [catalogApi, kindsKey]);

  const labels = useMemo(
    () =>
      new Map(
        (entities ?? []).map(e => [stringifyEntityRef(e), labelOf(e)] as const),
      ),
    [entities],
  );
  // Keep chosen refs selectable even when the catalog does not list them.
  const valueKey = JSON.stringify(props.value ?? null);
  const options = useMemo(() => {
    const chosen: string[] = [JSON.parse(valueKey)].flat().filter(Boolean);
    return Array.from(new Set([...labels.keys(), ...chosen]));
  }, [labels, valueKey]);

  const renderInput = (params: object) => (
    <TextField
      {...params}
      id={props.id}
      label={props.label}
      error={props.error}
      helperText={props.helperText}
      required={props.required}
      variant="outlined"
      margin="dense"
    />
  );
  const getOptionLabel = (ref: string) => labels.get(ref) ?? ref;

  if (props.multiple) {
    const onChange = props.onChange;
    return (
      <Autocomplete
        multiple
        loading={loading}
        options={options}
        value={props.value}
        getOptionLabel={getOptionLabel}
        onChange={(_e, value) => onChange(value)}
        renderInput={renderInput}
      />
    );
  }
  const onChange = props.onChange;
  return (
    <Autocomplete
      // The text shown for a chosen ref is computed when the value is set;
      // remount once the catalog's titles arrive so it shows the title.
      key={loading ? 'loading' : 'loaded'}
      loading={loading}
      options={options}
      value={props.value ?? null}
      getOptionLabel={getOptionLabel}
      onChange={(_e, value) => onChange(value ?? undefined)}
      renderInput={renderInput}
    />
  );
};
