import { createPermission } from '@backstage/plugin-permission-common';

/*
 * Every read and every write is authorized against one of these. They are
 * basic (resourceless) permissions, so a policy decides per user or group,
 * not per postmortem.
 */

/**
 * Allows reading postmortems, their action items and reading sessions:
 * through the API, the actions registry and the portal's search (it is the
 * search collator's visibility permission).
 *
 * @public
 */
export const postmortemReadPermission = createPermission({
  name: 'postmortem.read',
  attributes: { action: 'read' },
});

/**
 * Allows creating a postmortem.
 *
 * @public
 */
export const postmortemCreatePermission = createPermission({
  name: 'postmortem.create',
  attributes: { action: 'create' },
});

/**
 * Allows changing a postmortem, and restoring a deleted one.
 *
 * @public
 */
export const postmortemUpdatePermission = createPermission({
  name: 'postmortem.update',
  attributes: { action: 'update' },
});

/**
 * Allows (soft) deleting a postmortem.
 *
 * @public
 */
export const postmortemDeletePermission = createPermission({
  name: 'postmortem.delete',
  attributes: { action: 'delete' },
});

/**
 * Allows adding an action item to a postmortem.
 *
 * @public
 */
export const actionItemCreatePermission = createPermission({
  name: 'postmortem.actionItem.create',
  attributes: { action: 'create' },
});

/**
 * Allows changing an action item (status, owner, due date …).
 *
 * @public
 */
export const actionItemUpdatePermission = createPermission({
  name: 'postmortem.actionItem.update',
  attributes: { action: 'update' },
});

/**
 * Allows deleting an action item.
 *
 * @public
 */
export const actionItemDeletePermission = createPermission({
  name: 'postmortem.actionItem.delete',
  attributes: { action: 'delete' },
});

/**
 * Allows scheduling a reading session.
 *
 * @public
 */
export const readingSessionCreatePermission = createPermission({
  name: 'postmortem.readingSession.create',
  attributes: { action: 'create' },
});

/**
 * Allows changing a reading session: the pick, the time, notes, status.
 *
 * @public
 */
export const readingSessionUpdatePermission = createPermission({
  name: 'postmortem.readingSession.update',
  attributes: { action: 'update' },
});

/**
 * All permissions of the postmortems plugin, for registration with the
 * permission system.
 *
 * @public
 */
export const postmortemsPermissions = [
  postmortemReadPermission,
  postmortemCreatePermission,
  postmortemUpdatePermission,
  postmortemDeletePermission,
  actionItemCreatePermission,
  actionItemUpdatePermission,
  actionItemDeletePermission,
  readingSessionCreatePermission,
  readingSessionUpdatePermission,
];
