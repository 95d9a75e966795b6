import {
  Entity,
  RELATION_HAS_MEMBER,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { postmortemsTranslationRef } from '../../translation';
import { OwnerOption } from '../ActionItemFilters';

function nameOf(entity: Entity): string {
  const profile = entity.spec?.profile as { displayName?: string } | undefined;
  return (
    profile?.displayName ?? entity.metadata.title ?? humanizeEntityRef(entity)
  );
}

/**
 * The owners whose items a group's or user's tab shows: a user alone; a
 * group with its members (its `hasMember` relations in the catalog), since
 * a team's work is owned by its people as much as by the group.
 */
export function useTeamOwners(entity: Entity): {
  owners?: OwnerOption[];
  loading: boolean;
  error?: Error;
} {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const ref = stringifyEntityRef(entity);
  const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';

  const { value, loading, error } = useAsync(async () => {
    if (!isGroup) return [{ ref, label: nameOf(entity) }];
    // Read the group fresh: the page's entity may be a trimmed copy.
    const group = await catalogApi.getEntityByRef(ref);
    const self: OwnerOption = {
      ref,
      label: t('actionItems.teamGroup', { name: nameOf(group ?? entity) }),
    };
    const memberRefs = (group?.relations ?? [])
      .filter(r => r.type === RELATION_HAS_MEMBER)
      .map(r => r.targetRef);
    if (memberRefs.length === 0) return [self];
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: memberRefs,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    const members = memberRefs.map((memberRef, i) => {
      const member = items[i];
      return {
        ref: memberRef,
        label: member
          ? nameOf(member)
          : humanizeEntityRef(parseEntityRef(memberRef)),
      };
    });
    members.sort((a, b) => a.label.localeCompare(b.label));
    return [self, ...members];
  }, [catalogApi, ref, isGroup, t]);

  return { owners: value, loading, error };
}
