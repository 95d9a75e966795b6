import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const TABLE = 'postmortems_notifications_deliveries';

/** Brings the module's table to the latest schema. */
export async function migrateDeliveries(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@postmortems/backstage-plugin-postmortems-backend-module-notifications',
      'migrations',
    ),
    tableName: 'postmortems_notifications__knex_migrations',
  });
}

/**
 * The record of what was sent, which makes every scheduled notification go
 * out once: to send, a replica first claims the (key, recipient) pair — an
 * insert that only one of two racing replicas wins — then sends, then marks
 * it sent. A claim whose send failed is released; a claim left behind by a
 * process that died in between is taken over after `leaseMs`, so a crash
 * delays a notification, but never doubles one.
 */
export class Deliveries {
  constructor(
    private readonly knex: Knex,
    private readonly leaseMs = 10 * 60_000,
  ) {}

  /** True when this caller may send now; false when it is sent or being sent. */
  async claim(key: string, recipient: string, now: Date): Promise<boolean> {
    const claimedAt = now.toISOString();
    try {
      await this.knex(TABLE).insert({
        notification_key: key,
        recipient,
        claimed_at: claimedAt,
        sent_at: null,
      });
      return true;
    } catch (error) {
      const row = await this.knex(TABLE)
        .where({ notification_key: key, recipient })
        .first<{ claimed_at: string; sent_at: string | null } | undefined>();
      if (!row) throw error; // not a duplicate: a real failure
      if (row.sent_at) return false;
      const stale = new Date(now.getTime() - this.leaseMs).toISOString();
      if (row.claimed_at > stale) return false;
      // Take the stale claim over, unless another replica just did.
      const taken = await this.knex(TABLE)
        .where({ notification_key: key, recipient, claimed_at: row.claimed_at })
        .whereNull('sent_at')
        .update({ claimed_at: claimedAt });
      return taken === 1;
    }
  }

  async markSent(key: string, recipient: string, now: Date): Promise<void> {
    await this.knex(TABLE)
      .where({ notification_key: key, recipient })
      .update({ sent_at: now.toISOString() });
  }

  /** Gives a claim up after a failed send, so the next run tries again. */
  async release(key: string, recipient: string): Promise<void> {
    await this.knex(TABLE)
      .where({ notification_key: key, recipient })
      .whereNull('sent_at')
      .delete();
  }

  /** Whether it was sent, for tests and for the runs' own bookkeeping. */
  async wasSent(key: string, recipient: string): Promise<boolean> {
    const row = await this.knex(TABLE)
      .where({ notification_key: key, recipient })
      .whereNotNull('sent_at')
      .first();
    return Boolean(row);
  }

  /** Forgets what was sent before `before`, to keep the table small. */
  async prune(before: Date): Promise<number> {
    return this.knex(TABLE)
      .where('claimed_at', '<', before.toISOString())
      .delete();
  }
}
