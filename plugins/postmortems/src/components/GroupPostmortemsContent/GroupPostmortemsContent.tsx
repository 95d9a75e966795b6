import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEffect } from 'react';
import { Route, useSearchParams } from 'react-router-dom';
import { InsightsContent } from '../Insights';
import { PostmortemList } from '../PostmortemList';
import { PostmortemRoutes } from '../PostmortemRoutes';
import { PostmortemViewTabs } from '../PostmortemViewTabs';

/**
 * The incident list with its team filter held at one group: the list's own
 * `team` filter (kept in the URL like its other filters) finds the entities
 * the team owns in the catalog and lists their postmortems.
 */
const TeamPostmortemList = (props: { team: string }) => {
  const [searchParams, setSearchParams] = useSearchParams();
  const current = searchParams.get('team');
  useEffect(() => {
    if (current !== props.team) {
      setSearchParams(
        previous => {
          const next = new URLSearchParams(previous);
          next.set('team', props.team);
          return next;
        },
        { replace: true },
      );
    }
  }, [current, props.team, setSearchParams]);
  return current === props.team ? <PostmortemList /> : <Progress />;
};

/**
 * The "Postmortems" tab of a group: the postmortems about the components,
 * systems and resources the team owns (their `ownedBy` relations, from
 * `spec.owner`), newest first; their insights with the action-item health
 * of each owner at `insights`; and each postmortem's page below it.
 *
 * @public
 */
export const GroupPostmortemsContent = () => {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  return (
    <PostmortemRoutes
      index={
        <PostmortemViewTabs selected="history">
          <TeamPostmortemList team={groupRef} />
        </PostmortemViewTabs>
      }
    >
      <Route
        path="insights"
        element={
          <PostmortemViewTabs selected="insights">
            <InsightsContent
              scope={{ type: 'team', groupRef }}
              newPostmortemLink="../new"
            />
          </PostmortemViewTabs>
        }
      />
    </PostmortemRoutes>
  );
};
