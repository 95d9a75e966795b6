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

/**
 * Links to a postmortem's page under the standalone postmortems page, for
 * screens (such as action item lists) that are not under a postmortem list.
 */
export function usePostmortemLink(): (
  postmortemId: string,
) => string | undefined {
  const root = useOptionalRootRoute();
  return (postmortemId: string) =>
    root
      ? `${root().replace(/\/$/, '')}/${encodeURIComponent(postmortemId)}`
      : undefined;
}

/** Links to a reading session's page under the standalone postmortems page. */
export function useReadingSessionLink(): (
  sessionId: string,
) => string | undefined {
  const root = useOptionalRootRoute();
  return (sessionId: string) =>
    root
      ? `${root().replace(/\/$/, '')}/reading-sessions/${encodeURIComponent(
          sessionId,
        )}`
      : undefined;
}
