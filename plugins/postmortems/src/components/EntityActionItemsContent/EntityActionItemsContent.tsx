import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ActionItemList } from '../ActionItemList';

const OWNER_KINDS = ['group', 'user'];

/**
 * The "Action items" tab: on a group or user, the items they own; on a
 * component (or system, resource), the items of its postmortems.
 *
 * @public
 */
export const EntityActionItemsContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  return OWNER_KINDS.includes(entity.kind.toLocaleLowerCase('en-US')) ? (
    <ActionItemList owner={entityRef} />
  ) : (
    <ActionItemList entityRef={entityRef} />
  );
};
