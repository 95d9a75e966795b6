/**
 * The values of the postmortems API's enumerations, in the order a UI
 * offers them.
 */

/** @public */
export const POSTMORTEM_STATUSES = ['draft', 'in_review', 'published'] as const;
/** @public */
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

/** @public */
export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
/** @public */
export type Severity = (typeof SEVERITIES)[number];

/** @public */
export const DETECTIONS = [
  'customer_report',
  'monitoring_alert',
  'internal_discovery',
  'other',
] as const;
/** @public */
export type Detection = (typeof DETECTIONS)[number];

/** @public */
export const ACTION_ITEM_STATUSES = [
  'open',
  'in_progress',
  'done',
  'wont_do',
] as const;
/** @public */
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** @public */
export const PRIORITIES = ['high', 'medium', 'low'] as const;
/** @public */
export type Priority = (typeof PRIORITIES)[number];

/** @public */
export const ACTION_ITEM_KINDS = [
  'mitigate',
  'prevent',
  'detect',
  'process',
  'other',
] as const;
/** @public */
export type ActionItemKind = (typeof ACTION_ITEM_KINDS)[number];

/** @public */
export const READING_SESSION_STATUSES = [
  'planned',
  'held',
  'cancelled',
] as const;
/** @public */
export type ReadingSessionStatus = (typeof READING_SESSION_STATUSES)[number];
