/**
 * The shapes of the postmortems REST API (`/api/postmortems`), shared by the
 * backend that serves them and the frontend client that reads them.
 * Timestamps are ISO 8601 strings with an offset; dates are `YYYY-MM-DD`.
 */

import type { PostmortemTemplate } from './templates';

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

/**
 * One entry of a postmortem's timeline.
 *
 * @public
 */
export interface TimelineEntry {
  at: string;
  text: string;
}

/**
 * Counts of a postmortem's action items.
 *
 * @public
 */
export interface ActionItemCounts {
  /** Not done and not won't-do (open or in progress). */
  open: number;
  /** Open ones whose due date is before today. */
  overdue: number;
  /** Done or won't-do. */
  done: number;
  total: number;
}

/**
 * A postmortem as the API returns it.
 *
 * @public
 */
export interface Postmortem {
  id: string;
  title: string;
  entityRefs: string[];
  status: PostmortemStatus;
  severity: Severity;
  detection: Detection;
  startedAt: string;
  detectedAt?: string;
  mitigatedAt?: string;
  resolvedAt?: string;
  template: string;
  sections: Record<string, string>;
  timeline: TimelineEntry[];
  tags: string[];
  authors: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
  /** When it was soft deleted; only on deleted postmortems. */
  deletedAt?: string;
  /** Who deleted it; only on deleted postmortems. */
  deletedBy?: string;
  actionItemCounts: ActionItemCounts;
  /** How often it was read in a held reading session, and when last. */
  readings?: { count: number; lastReadAt?: string };
}

/**
 * The body of `POST /postmortems`.
 *
 * @public
 */
export interface CreatePostmortemRequest {
  title: string;
  entityRefs: string[];
  status?: PostmortemStatus;
  severity: Severity;
  detection: Detection;
  startedAt: string;
  detectedAt?: string | null;
  mitigatedAt?: string | null;
  resolvedAt?: string | null;
  template?: string;
  sections?: Record<string, string>;
  timeline?: TimelineEntry[];
  tags?: string[];
  authors?: string[];
}

/**
 * The body of `PATCH /postmortems/:id`: the fields to change, and the
 * `version` the change was based on. `null` clears an optional time.
 *
 * @public
 */
export type UpdatePostmortemRequest = Partial<CreatePostmortemRequest> & {
  version: number;
};

/**
 * One accepted change of a postmortem.
 *
 * @public
 */
export interface PostmortemRevision {
  postmortemId: string;
  version: number;
  action: 'created' | 'updated' | 'deleted' | 'restored';
  changedAt: string;
  changedBy: string;
  /** The names of the fields the change touched. */
  changedFields: string[];
  /** The postmortem as it was after the change (without counts). */
  snapshot: Omit<Postmortem, 'actionItemCounts' | 'readings'>;
}

/**
 * An action item as the API returns it.
 *
 * @public
 */
export interface ActionItem {
  id: string;
  postmortemId: string;
  title: string;
  description?: string;
  owner?: string;
  dueDate?: string;
  status: ActionItemStatus;
  priority: Priority;
  kind: ActionItemKind;
  externalUrl?: string;
  readingSessionId?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  completedAt?: string;
  version: number;
  /** Not done/won't-do and due before today. */
  overdue: boolean;
  /** The entities of its postmortem. */
  entityRefs: string[];
  postmortemTitle: string;
}

/**
 * The body of `POST /postmortems/:id/action-items`.
 *
 * @public
 */
export interface CreateActionItemRequest {
  title: string;
  description?: string | null;
  owner?: string | null;
  dueDate?: string | null;
  status?: ActionItemStatus;
  priority?: Priority;
  kind?: ActionItemKind;
  externalUrl?: string | null;
  readingSessionId?: string | null;
}

/**
 * The body of `PATCH /action-items/:id`.
 *
 * @public
 */
export type UpdateActionItemRequest = Partial<CreateActionItemRequest> & {
  version: number;
};

/**
 * A postmortem reading session (ポストモーテム読書会).
 *
 * @public
 */
export interface ReadingSession {
  id: string;
  ownerGroup: string;
  scheduledAt: string;
  durationMinutes: number;
  facilitator?: string;
  /** The pick; absent until chosen. */
  postmortemId?: string;
  status: ReadingSessionStatus;
  participants: string[];
  notes?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

/**
 * The body of `POST /reading-sessions`.
 *
 * @public
 */
export interface CreateReadingSessionRequest {
  ownerGroup: string;
  scheduledAt: string;
  durationMinutes?: number;
  facilitator?: string | null;
  postmortemId?: string | null;
  status?: ReadingSessionStatus;
  participants?: string[];
  notes?: string | null;
}

/**
 * The body of `PATCH /reading-sessions/:id`.
 *
 * @public
 */
export type UpdateReadingSessionRequest =
  Partial<CreateReadingSessionRequest> & {
    version: number;
  };

/**
 * Why a postmortem is suggested for a reading session: a stable code with
 * parameters, so the UI can say it in the reader's language.
 *
 * @public
 */
export type SuggestionReason =
  | { code: 'severity'; severity: Severity }
  | { code: 'long_impact'; minutes: number }
  | { code: 'never_read' }
  | { code: 'read_long_ago'; lastReadAt: string; months: number }
  | { code: 'open_action_items'; count: number }
  | { code: 'overdue_action_items'; count: number }
  | { code: 'older_incident'; months: number }
  | { code: 'service_not_covered'; entityRef: string; months?: number }
  | { code: 'anniversary'; years: number };

/**
 * A ranked candidate for a reading session's pick.
 *
 * @public
 */
export interface ReadingSessionSuggestion {
  postmortem: Postmortem;
  score: number;
  reasons: SuggestionReason[];
}

/**
 * A page of a list.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  totalCount: number;
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Filters of `GET /postmortems`.
 *
 * @public
 */
export interface ListPostmortemsQuery {
  entityRef?: string[];
  status?: PostmortemStatus;
  severity?: Severity;
  detection?: Detection;
  tag?: string;
  q?: string;
  from?: string;
  to?: string;
  /**
   * The soft-deleted postmortems instead of the live ones (to offer a
   * restore), most recently deleted first.
   */
  deleted?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * Filters of `GET /action-items`.
 *
 * @public
 */
export interface ListActionItemsQuery {
  entityRef?: string[];
  owner?: string[];
  status?: ActionItemStatus[];
  overdue?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * Filters of `GET /reading-sessions`. `from` is inclusive, `to` exclusive,
 * both on `scheduledAt`; newest first.
 *
 * @public
 */
export interface ListReadingSessionsQuery {
  ownerGroup?: string;
  status?: ReadingSessionStatus;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The answer of `GET /reading-sessions/current?ownerGroup=`: the group's
 * session of this month (in the configured time zone), with its pick and the
 * pick's action items that are still open (overdue first).
 *
 * @public
 */
export interface CurrentReadingSessionResponse {
  session: ReadingSession | null;
  /** The pick, when the session has one. */
  postmortem?: Postmortem;
  /** The pick's open and in-progress action items. */
  actionItems?: ActionItem[];
}

/**
 * The answer of `GET /reading-sessions/suggestions`, best first.
 *
 * @public
 */
export interface ReadingSessionSuggestionsResponse {
  items: ReadingSessionSuggestion[];
}

/**
 * The answer of `GET /templates`.
 *
 * @public
 */
export interface TemplatesResponse {
  items: PostmortemTemplate[];
}

/**
 * The answer of `GET /postmortems/:id/revisions`, oldest first.
 *
 * @public
 */
export interface RevisionsResponse {
  items: PostmortemRevision[];
  totalCount: number;
}
