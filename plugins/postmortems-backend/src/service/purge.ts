import {
  AuditorService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { Duration } from 'luxon';
import { recordAuditEvent } from './audit';

/** Where the retention of deleted postmortems is configured. */
export const PURGE_CONFIG_KEY = 'postmortems.retention.purgeDeletedAfter';

/**
 * How long a deleted postmortem is kept before it is purged, from
 * `postmortems.retention.purgeDeletedAfter` (a duration: `{ days: 90 }` or
 * ISO 8601 `P90D`); undefined when it is not set: deleted postmortems are
 * then kept for good, to be restored at any time.
 */
export function purgeRetentionOf(
  config: RootConfigService,
): number | undefined {
  if (!config.has(PURGE_CONFIG_KEY)) return undefined;
  const retention = Duration.fromObject(
    readDurationFromConfig(config, { key: PURGE_CONFIG_KEY }),
  ).toMillis();
  if (!(retention > 0)) {
    throw new Error(`${PURGE_CONFIG_KEY} must be a positive duration`);
  }
  return retention;
}

/**
 * Schedules the purge (`postmortems-purge`, daily, one instance at a
 * time) when a retention is configured: the postmortems deleted longer ago
 * are deleted for good, the only hard delete there is. Each run is an
 * audit event (`postmortem-mutate`, `actionType` `purge`) with the ids.
 */
export async function schedulePurge(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  auditor: AuditorService;
  logger: LoggerService;
  purge: (deletedBefore: Date) => Promise<string[]>;
  clock?: () => Date;
}) {
  const retention = purgeRetentionOf(options.config);
  if (retention === undefined) return;
  const clock = options.clock ?? (() => new Date());
  await options.scheduler.scheduleTask({
    id: 'postmortems-purge',
    frequency: { hours: 24 },
    timeout: { hours: 1 },
    fn: async () => {
      const deletedBefore = new Date(clock().getTime() - retention);
      const meta = {
        actionType: 'purge',
        deletedBefore: deletedBefore.toISOString(),
      };
      const purged = await recordAuditEvent(
        options.auditor,
        { eventId: 'postmortem-mutate', meta },
        () => options.purge(deletedBefore),
        postmortemIds => ({ postmortemIds }),
      );
      if (purged.length > 0) {
        options.logger.info(
          `Purged ${purged.length} postmortems deleted before ${meta.deletedBefore}`,
        );
      }
    },
  });
}
