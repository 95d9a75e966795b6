/**
 * Reminders and digests of the postmortems plugin, sent through Backstage
 * notifications.
 *
 * @packageDocumentation
 */

export {
  postmortemsModuleNotifications as default,
  NOTIFICATIONS_TASK_ID,
} from './module';
