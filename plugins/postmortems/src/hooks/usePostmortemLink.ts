import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';

function useOptionalRootRoute(): (() => string) | undefined {
  try {
    return useRouteRef(rootRouteRef);
  } catch {
    // An app may show the entity tabs without mounting the standalone page;
    // then postmortems are shown without a link rather than failing.
    return undefined;
  }
}

/** Links to a path under the standalone page, or none when it is not mounted. */
function useLinkUnderRoot(): (path: string) => string | undefined {
  const root = useOptionalRootRoute();
  return path => (root ? `${root().replace(/\/$/, '')}/${path}` : undefined);
}

/**
 * Links to a postmortem's page under the standalone postmortems page, for
 * screens (such as action item lists) that are not under a postmortem list.
 */
export function usePostmortemLink(): (
  postmortemId: string,
) => string | undefined {
  const under = useLinkUnderRoot();
  return postmortemId => under(encodeURIComponent(postmortemId));
}

/** Links to a reading session's page under the standalone postmortems page. */
export function useReadingSessionLink(): (
  sessionId: string,
) => string | undefined {
  const under = useLinkUnderRoot();
  return sessionId =>
    under(`reading-sessions/${encodeURIComponent(sessionId)}`);
}
