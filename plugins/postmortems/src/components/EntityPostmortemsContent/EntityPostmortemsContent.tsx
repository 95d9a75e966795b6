import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Route } from 'react-router-dom';
import { InsightsContent } from '../Insights';
import { PostmortemList } from '../PostmortemList';
import { PostmortemRoutes } from '../PostmortemRoutes';
import { PostmortemViewTabs } from '../PostmortemViewTabs';

/**
 * The "Postmortems" tab of a component, system or resource: its incident
 * history, its insights at `insights`, and each postmortem's page below
 * it.
 *
 * @public
 */
export const EntityPostmortemsContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  return (
    <PostmortemRoutes
      index={
        <PostmortemViewTabs selected="history">
          <PostmortemList entityRef={entityRef} />
        </PostmortemViewTabs>
      }
      defaultEntityRef={entityRef}
    >
      <Route
        path="insights"
        element={
          <PostmortemViewTabs selected="insights">
            <InsightsContent
              scope={{ type: 'entities', entityRefs: [entityRef] }}
              newPostmortemLink="../new"
            />
          </PostmortemViewTabs>
        }
      />
    </PostmortemRoutes>
  );
};
