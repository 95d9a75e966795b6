/*
 * The routes of the postmortems API as the OpenAPI document describes
 * them: for each, its query and body schema, its answers, and the named
 * shapes they use. `openapi.ts` turns this table into the document; the
 * contract test holds it equal to the routes the router serves.
 */

import {
  actionItemSchema,
  createActionItemRequestSchema,
  createPostmortemRequestSchema,
  createReadingSessionRequestSchema,
  currentReadingSessionQuerySchema,
  currentReadingSessionResponseSchema,
  errorResponseBodySchema,
  exportMarkdownArchiveQuerySchema,
  exportMarkdownQuerySchema,
  importMarkdownRequestSchema,
  importMarkdownResponseSchema,
  insightsQuerySchema,
  insightsSchema,
  listActionItemsQuerySchema,
  listPostmortemsQuerySchema,
  listReadingSessionsQuerySchema,
  pageSchema,
  postmortemRevisionSchema,
  postmortemSchema,
  postmortemSnapshotSchema,
  postmortemTemplateSchema,
  createReadingSessionSeriesRequestSchema,
  readingSessionCalendarQuerySchema,
  readingSessionInviteQuerySchema,
  readingSessionSchema,
  readingSessionSeriesResponseSchema,
  readingSessionSuggestionSchema,
  readingSessionSuggestionsQuerySchema,
  readingSessionSuggestionsResponseSchema,
  revisionsResponseSchema,
  suggestionReasonSchema,
  templatesResponseSchema,
  updateActionItemRequestSchema,
  updatePostmortemRequestSchema,
  updateReadingSessionRequestSchema,
} from '@postmortems/backstage-plugin-postmortems-common';
import { z } from 'zod';

const healthResponseSchema = z.object({ status: z.literal('ok') }).strict();

/** The named shapes: `components.schemas`, referenced wherever used. */
export const COMPONENTS = {
  Error: errorResponseBodySchema,
  Postmortem: postmortemSchema,
  PostmortemSnapshot: postmortemSnapshotSchema,
  PostmortemRevision: postmortemRevisionSchema,
  RevisionsResponse: revisionsResponseSchema,
  PostmortemPage: pageSchema(postmortemSchema),
  ActionItem: actionItemSchema,
  ActionItemPage: pageSchema(actionItemSchema),
  ReadingSession: readingSessionSchema,
  ReadingSessionPage: pageSchema(readingSessionSchema),
  CurrentReadingSessionResponse: currentReadingSessionResponseSchema,
  SuggestionReason: suggestionReasonSchema,
  ReadingSessionSuggestion: readingSessionSuggestionSchema,
  ReadingSessionSuggestionsResponse: readingSessionSuggestionsResponseSchema,
  PostmortemTemplate: postmortemTemplateSchema,
  TemplatesResponse: templatesResponseSchema,
  HealthResponse: healthResponseSchema,
  CreatePostmortemRequest: createPostmortemRequestSchema,
  UpdatePostmortemRequest: updatePostmortemRequestSchema,
  CreateActionItemRequest: createActionItemRequestSchema,
  UpdateActionItemRequest: updateActionItemRequestSchema,
  CreateReadingSessionRequest: createReadingSessionRequestSchema,
  UpdateReadingSessionRequest: updateReadingSessionRequestSchema,
  CreateReadingSessionSeriesRequest: createReadingSessionSeriesRequestSchema,
  ReadingSessionSeriesResponse: readingSessionSeriesResponseSchema,
  ImportMarkdownRequest: importMarkdownRequestSchema,
  ImportMarkdownResponse: importMarkdownResponseSchema,
  Insights: insightsSchema,
};

export type ComponentName = keyof typeof COMPONENTS;

/** The answers besides the 2xx one, each a `components.responses` entry. */
export const ERRORS = {
  400: ['BadRequest', 'Invalid input; `error.fields` names each field'],
  401: ['Unauthorized', 'No or bad credentials'],
  403: ['Forbidden', 'A permission denied the write'],
  404: ['NotFound', 'No such item (or a deleted postmortem)'],
  409: ['Conflict', 'The item changed since the given version'],
} as const;

export type ErrorStatus = keyof typeof ERRORS;

/** One route of the API. */
export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  tag?:
    | 'Postmortems'
    | 'Action items'
    | 'Reading sessions'
    | 'Insights'
    | 'Templates';
  summary: string;
  description?: string;
  /** Without credentials (only `/health`). */
  public?: true;
  query?: z.ZodType;
  body?: ComponentName;
  /** The success status, its description and shape (none: no content). */
  success: [status: 200 | 201 | 204, description: string, ComponentName?];
  /** A success answer that is not JSON (a calendar, a file), instead of a shape. */
  produces?: 'text/calendar' | 'text/markdown' | 'application/zip';
  errors: ErrorStatus[];
}

const READ: ErrorStatus[] = [400, 401];
const READ_ONE: ErrorStatus[] = [400, 401, 404];
const WRITE: ErrorStatus[] = [400, 401, 403];
const CHANGE: ErrorStatus[] = [400, 401, 403, 404, 409];

/** Every route the router serves (the contract test holds them equal). */
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness, without credentials',
    public: true,
    success: [200, 'Alive', 'HealthResponse'],
    errors: [],
  },
  {
    method: 'get',
    path: '/templates',
    tag: 'Templates',
    summary: 'The templates postmortems are written in',
    success: [
      200,
      'The built-in `sre-book`, then those of `postmortems.templates`',
      'TemplatesResponse',
    ],
    errors: [401],
  },
  {
    method: 'get',
    path: '/postmortems',
    tag: 'Postmortems',
    summary: 'List postmortems, newest first by startedAt, then by id',
    description:
      'With `deleted=true`, the soft-deleted postmortems instead (each with `deletedAt` and `deletedBy`), most recently deleted first, then by id, so that a UI can offer to restore them; the other filters apply as usual. A cursor belongs to the list it came from.',
    query: listPostmortemsQuerySchema,
    success: [200, 'A page', 'PostmortemPage'],
    errors: READ,
  },
  {
    method: 'post',
    path: '/postmortems',
    tag: 'Postmortems',
    summary: 'Create a postmortem',
    description: 'Needs `postmortem.create`.',
    body: 'CreatePostmortemRequest',
    success: [201, 'Created', 'Postmortem'],
    errors: WRITE,
  },
  {
    method: 'get',
    path: '/postmortems/export.zip',
    tag: 'Postmortems',
    summary: 'The postmortems of a list as one zip of Markdown files',
    description:
      'The filters of `GET /postmortems` (every match, no paging), one `<startedAt date>-<slug>-<short id>.md` per postmortem as `GET /postmortems/{id}/export.md` writes it; streamed as it is read.',
    query: exportMarkdownArchiveQuerySchema,
    success: [200, 'The archive'],
    produces: 'application/zip',
    errors: READ,
  },
  {
    method: 'post',
    path: '/postmortems/import',
    tag: 'Postmortems',
    summary: 'Import postmortems from Markdown files',
    description:
      'Needs `postmortem.create`, and `postmortem.actionItem.create` when a file has action items. At most 100 files, each at most 256 KB, the body at most 30 MB (a 400 naming the field beyond). Each file is front matter as `export.md` writes it, or plain Markdown whose `#` title and `##` headings are matched to the template’s sections (English or Japanese, case- and width-insensitive), `## Timeline` and `## Action items`; `defaults` fill what a file lacks. Each file is checked like `POST /postmortems` and is written whole, with its action items, in one transaction, or not at all: `rejected` names the fields, `duplicate` when a live postmortem (or an earlier file) has the same title and startedAt. `dryRun` writes nothing and answers `ready` instead of `imported`.',
    body: 'ImportMarkdownRequest',
    success: [200, 'One result per file, in order', 'ImportMarkdownResponse'],
    errors: WRITE,
  },
  {
    method: 'get',
    path: '/postmortems/{id}/export.md',
    tag: 'Postmortems',
    summary: 'One postmortem as Markdown with YAML front matter',
    description:
      'Front matter with every field (timeline and action items included, so that an import gives them back), then the sections under their template titles in `lang`, the timeline and the action items as a checklist. An attachment named `<startedAt date>-<slug>-<short id>.md`.',
    query: exportMarkdownQuerySchema,
    success: [200, 'The file'],
    produces: 'text/markdown',
    errors: READ_ONE,
  },
  {
    method: 'get',
    path: '/postmortems/{id}',
    tag: 'Postmortems',
    summary: 'One postmortem',
    success: [200, 'The postmortem', 'Postmortem'],
    errors: READ_ONE,
  },
  {
    method: 'patch',
    path: '/postmortems/{id}',
    tag: 'Postmortems',
    summary: 'Change a postmortem',
    description:
      'Needs `postmortem.update`. The fields given replace the stored ones; `null` clears an optional time. The incident times are checked against the stored ones (started ≤ detected ≤ mitigated ≤ resolved).',
    body: 'UpdatePostmortemRequest',
    success: [
      200,
      'Changed (or unchanged when nothing differed)',
      'Postmortem',
    ],
    errors: CHANGE,
  },
  {
    method: 'delete',
    path: '/postmortems/{id}',
    tag: 'Postmortems',
    summary: 'Soft delete a postmortem (undo with restore)',
    description: 'Needs `postmortem.delete`.',
    success: [204, 'Deleted'],
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: '/postmortems/{id}/restore',
    tag: 'Postmortems',
    summary: 'Undo the deletion of a postmortem',
    description: 'Needs `postmortem.update`. 409 when it is not deleted.',
    success: [200, 'Restored', 'Postmortem'],
    errors: CHANGE,
  },
  {
    method: 'get',
    path: '/postmortems/{id}/revisions',
    tag: 'Postmortems',
    summary: 'Every accepted change, oldest first',
    success: [200, 'The history', 'RevisionsResponse'],
    errors: READ_ONE,
  },
  {
    method: 'get',
    path: '/postmortems/{id}/action-items',
    tag: 'Action items',
    summary: 'The action items of a postmortem, soonest due first',
    query: listActionItemsQuerySchema,
    success: [200, 'A page', 'ActionItemPage'],
    errors: READ_ONE,
  },
  {
    method: 'post',
    path: '/postmortems/{id}/action-items',
    tag: 'Action items',
    summary: 'Add an action item',
    description: 'Needs `postmortem.actionItem.create`.',
    body: 'CreateActionItemRequest',
    success: [201, 'Created', 'ActionItem'],
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/action-items',
    tag: 'Action items',
    summary: 'Action items across postmortems, soonest due first',
    query: listActionItemsQuerySchema,
    success: [200, 'A page', 'ActionItemPage'],
    errors: READ,
  },
  {
    method: 'get',
    path: '/action-items/{id}',
    tag: 'Action items',
    summary: 'One action item',
    success: [200, 'The action item', 'ActionItem'],
    errors: READ_ONE,
  },
  {
    method: 'patch',
    path: '/action-items/{id}',
    tag: 'Action items',
    summary: 'Change an action item',
    description:
      'Needs `postmortem.actionItem.update`. `completedAt` is set when the status becomes done or wont_do and cleared when it is reopened.',
    body: 'UpdateActionItemRequest',
    success: [200, 'Changed', 'ActionItem'],
    errors: CHANGE,
  },
  {
    method: 'delete',
    path: '/action-items/{id}',
    tag: 'Action items',
    summary: 'Delete an action item',
    description: 'Needs `postmortem.actionItem.delete`.',
    success: [204, 'Deleted'],
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/reading-sessions',
    tag: 'Reading sessions',
    summary: 'Reading sessions, newest first by scheduledAt',
    query: listReadingSessionsQuerySchema,
    success: [200, 'A page', 'ReadingSessionPage'],
    errors: READ,
  },
  {
    method: 'post',
    path: '/reading-sessions',
    tag: 'Reading sessions',
    summary: 'Schedule a reading session',
    description: 'Needs `postmortem.readingSession.create`.',
    body: 'CreateReadingSessionRequest',
    success: [201, 'Created', 'ReadingSession'],
    errors: WRITE,
  },
  {
    method: 'get',
    path: '/reading-sessions/current',
    tag: 'Reading sessions',
    summary: "The group's session of this month",
    description:
      'The month is the calendar month in `postmortems.readingSessions.timezone` (UTC by default). A cancelled session gives way to any other; then the earliest wins. With a pick, also the pick and its open action items. `next` is the group’s earliest planned session after this month (e.g. the next occurrence of a series), when there is one.',
    query: currentReadingSessionQuerySchema,
    success: [
      200,
      'The session, or `{ "session": null }`',
      'CurrentReadingSessionResponse',
    ],
    errors: READ,
  },
  {
    method: 'get',
    path: '/reading-sessions/suggestions',
    tag: 'Reading sessions',
    summary: "Ranked candidates for a group's next pick",
    description:
      'Published postmortems, best first, with the reasons. Deterministic for the same data and date; a postmortem picked for an upcoming planned session of the group is left out.',
    query: readingSessionSuggestionsQuerySchema,
    success: [200, 'The candidates', 'ReadingSessionSuggestionsResponse'],
    errors: READ,
  },
  {
    method: 'post',
    path: '/reading-sessions/series',
    tag: 'Reading sessions',
    summary: 'Schedule a series: one session a month, months ahead',
    description:
      'Needs `postmortem.readingSession.create`. Each occurrence is a normal planned session with the `seriesId` of the series (moved, cancelled or picked through `PATCH`). A month in which the group already has a planned or held session is skipped and named in `skippedMonths`. All occurrences are created in one transaction, or none.',
    body: 'CreateReadingSessionSeriesRequest',
    success: [201, 'Created', 'ReadingSessionSeriesResponse'],
    errors: WRITE,
  },
  {
    method: 'get',
    path: '/reading-sessions/calendar.ics',
    tag: 'Reading sessions',
    summary: "The group's upcoming sessions as an iCalendar file",
    description:
      'RFC 5545: the next 24 planned and cancelled sessions from today on (in `postmortems.readingSessions.timezone`), one VEVENT each with UID `<id>@postmortems`, times in that zone (with its VTIMEZONE), SEQUENCE `version − 1`, and STATUS CANCELLED or CONFIRMED.',
    query: readingSessionCalendarQuerySchema,
    success: [200, 'The calendar'],
    produces: 'text/calendar',
    errors: READ,
  },
  {
    method: 'get',
    path: '/reading-sessions/{id}',
    tag: 'Reading sessions',
    summary: 'One reading session',
    success: [200, 'The session', 'ReadingSession'],
    errors: READ_ONE,
  },
  {
    method: 'patch',
    path: '/reading-sessions/{id}',
    tag: 'Reading sessions',
    summary: 'Pick, reschedule, record notes and participants, mark held',
    description: 'Needs `postmortem.readingSession.update`.',
    body: 'UpdateReadingSessionRequest',
    success: [200, 'Changed', 'ReadingSession'],
    errors: CHANGE,
  },
  {
    method: 'get',
    path: '/reading-sessions/{id}/calendar.ics',
    tag: 'Reading sessions',
    summary: 'A calendar invite of one session',
    description:
      'RFC 5545, one VEVENT: see `GET /reading-sessions/calendar.ics`.',
    query: readingSessionInviteQuerySchema,
    success: [200, 'The invite'],
    produces: 'text/calendar',
    errors: READ_ONE,
  },
  {
    method: 'get',
    path: '/reading-sessions/{id}/action-items',
    tag: 'Reading sessions',
    summary: 'The action items raised in a session',
    query: listActionItemsQuerySchema,
    success: [200, 'A page', 'ActionItemPage'],
    errors: READ_ONE,
  },
  {
    method: 'get',
    path: '/insights',
    tag: 'Insights',
    summary:
      'What the postmortems of a service, a team or the portal say together, month by month',
    description: [
      'The scope is the live postmortems about any of the `entityRef`s (a service; a team: every entity the group owns, as the catalog says) or, without one, every live postmortem; their action items count whenever the postmortem started. Months and quarters are calendar months and quarters of `postmortems.readingSessions.timezone` (a month in Tokyo starts at 15:00 UTC the day before); `to` defaults to this month, `from` to 11 months before `to`; `months=n` instead of `from` asks for the last n months up to `to` (“the last 12 months” in the API’s zone, whatever the zone of the browser). A range that runs backwards is a 400 naming `to` (or `from`, when `to` is left to its default), one over 60 months a 400 naming `from`, `months` with `from` a 400 naming `months`. Every figure is computed by the database, from rollups kept in step by every write (grouped counts per entity and month of the zone; see the backend README) once the plugin has built them, and until then from the postmortems and items themselves:',
      '',
      '- `incidents`: per month, the postmortems (any status) that started in it, in total and by severity.',
      '- `detection`: per month, the same incidents by how they were detected, and the share that customers reported.',
      '- `durations`: per quarter the range touches, its incidents within the range and the median whole minutes (rounded down) from `startedAt` to `detectedAt` and to `resolvedAt`, over those that have the time (the middle one, or the mean of the middle two).',
      '- `actionItems.months`: per month, the items created and the items closed (done or won’t do).',
      '- `actionItems.openByAge`: the items open today (open or in progress) by whole days since their creation in the zone: 0–30, 31–90, 91–180, over 180.',
      '- `actionItems.medianDaysToClose`: from creation to completion in whole days of 24 h (rounded down), over the items closed within the range.',
      '- `actionItems.dueInRange`, `closedByDueDate`, `closedByDueDateShare`: the items due within the range before today, and those of them closed by the end of their due day in the zone.',
      '- `reading`: the incidents of the range, and those of them a held reading session picked.',
      '- `owners`: per owner of the scope’s items (a user or group; null: unassigned), open, overdue (due before today) and closed-within-the-range items and the median days to close; those with open items first, most first, at most 50.',
      '- `topEntities`: for the whole portal only, the ten entities with the most incidents in the range and with the most overdue items today (ties by ref).',
    ].join('\n'),
    query: insightsQuerySchema,
    success: [200, 'The insights', 'Insights'],
    errors: READ,
  },
];
