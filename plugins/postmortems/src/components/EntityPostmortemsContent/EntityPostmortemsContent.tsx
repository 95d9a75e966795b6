import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { PostmortemList } from '../PostmortemList';
import { PostmortemRoutes } from '../PostmortemRoutes';

/**
 * The "Postmortems" tab of a component, system or resource: its incident
 * history, and each postmortem's page below it.
 *
 * @public
 */
export const EntityPostmortemsContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  return (
    <PostmortemRoutes
      index={<PostmortemList entityRef={entityRef} />}
      defaultEntityRef={entityRef}
    />
  );
};
