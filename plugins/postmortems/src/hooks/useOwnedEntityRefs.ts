import {
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/**
 * The refs of the entities a group owns (their `ownedBy` relations in the
 * catalog, from `spec.owner`), as a team's postmortems are those about
 * them. `value` is undefined without a group and while it is read.
 */
export function useOwnedEntityRefs(groupRef: string | undefined) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    if (!groupRef) return undefined;
    const { items } = await catalogApi.getEntities({
      filter: { [`relations.${RELATION_OWNED_BY}`]: groupRef },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    });
    return items.map(entity => stringifyEntityRef(entity));
  }, [catalogApi, groupRef]);
}
