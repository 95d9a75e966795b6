import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Deliveries } from './deliveries';

/**
 * One topic per kind, so a person can mute one kind in the notification
 * settings; the origin is the plugin (`plugin:postmortems`).
 */
export const TOPICS = {
  overdueDigest: 'overdue-action-items',
  dueSoon: 'action-items-due-soon',
  assigned: 'action-item-assigned',
  readingSession: 'reading-session',
  postmortemRead: 'postmortem-read',
  newPostmortem: 'new-postmortem',
} as const;

/** Where the module's notifications leave: Backstage's notification service. */
export class Outbox {
  constructor(
    private readonly notifications: NotificationService,
    private readonly deliveries: Deliveries,
    private readonly logger: LoggerService,
  ) {}

  /**
   * Sends now, to the people behind `entityRefs` (users, groups, or the
   * owners of other entities, resolved by the notifications backend), but
   * not to `exclude` — usually the person whose change it announces.
   */
  async send(
    entityRefs: string[],
    payload: NotificationPayload,
    exclude?: string,
  ): Promise<void> {
    if (entityRefs.length === 0) return;
    await this.notifications.send({
      recipients: {
        type: 'entity',
        entityRef: entityRefs,
        ...(exclude ? { excludeEntityRef: exclude } : {}),
      },
      payload,
    });
  }

  /**
   * Sends a scheduled notification once, however often and on however many
   * replicas the run that asks happens: see {@link Deliveries}. The
   * notification's scope is kept per `scope` (default: the key), so that a
   * send repeated after a crash updates the one notification a person has
   * instead of adding a second.
   */
  async sendOnce(
    key: string,
    recipient: string,
    payload: NotificationPayload,
    now: Date,
  ): Promise<boolean> {
    if (!(await this.deliveries.claim(key, recipient, now))) return false;
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: recipient },
        payload: { scope: key, ...payload },
      });
    } catch (error) {
      await this.deliveries.release(key, recipient);
      this.logger.warn(`Could not send ${key} to ${recipient}: ${error}`);
      throw error;
    }
    await this.deliveries.markSent(key, recipient, now);
    return true;
  }
}
