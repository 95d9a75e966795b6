import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ActionItemList } from '../ActionItemList';
import { useTeamOwners } from './useTeamOwners';

const OWNER_KINDS = ['group', 'user'];

const OwnerActionItems = () => {
  const { entity } = useEntity();
  const { owners, loading, error } = useTeamOwners(entity);
  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !owners) return <Progress />;
  return <ActionItemList owners={owners} />;
};

/**
 * The "Action items" tab: on a group, the items the team owns (the group
 * and its members); on a user, the items they own; on a component (or
 * system, resource), the items of its postmortems.
 *
 * @public
 */
export const EntityActionItemsContent = () => {
  const { entity } = useEntity();
  return OWNER_KINDS.includes(entity.kind.toLocaleLowerCase('en-US')) ? (
    <OwnerActionItems />
  ) : (
    <ActionItemList entityRef={stringifyEntityRef(entity)} />
  );
};
