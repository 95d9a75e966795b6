import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  ActionItem,
  FieldError,
  Postmortem,
  ReadingSession,
  ReadingSessionSuggestion,
  conflictAt,
  invalidRequest,
  sreBookTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';
import { PostmortemsApi } from '../api';
import { makeEmptyInsights } from './insights';

export const POSTMORTEM_ID = '4a5b3c3e-7f55-4a0e-9d2f-1c1e2b8a9f01';

export function makePostmortem(
  overrides: Partial<Postmortem> = {},
): Postmortem {
  return {
    id: POSTMORTEM_ID,
    title: '非同期ジョブキューの滞留で請求書発行が遅延',
    entityRefs: ['component:default/seikyu-kanri-robo'],
    status: 'published',
    severity: 'sev2',
    detection: 'customer_report',
    startedAt: '2026-10-01T09:00:00+09:00',
    detectedAt: '2026-10-01T11:30:00+09:00',
    mitigatedAt: '2026-10-01T12:00:00+09:00',
    resolvedAt: '2026-10-01T13:15:00+09:00',
    template: 'sre-book',
    sections: {
      summary: 'ジョブキューが **滞留** した。',
      rootCauses: 'Compute environment reached its vCPU limit.',
    },
    timeline: [
      { at: '2026-10-01T11:30:00+09:00', text: 'Customer inquiry arrives' },
    ],
    tags: ['batch'],
    authors: ['user:default/hanako.yamada'],
    createdAt: '2026-10-02T10:00:00+09:00',
    createdBy: 'user:default/hanako.yamada',
    updatedAt: '2026-10-03T10:00:00+09:00',
    updatedBy: 'user:default/kenta.ito',
    version: 3,
    actionItemCounts: { open: 2, overdue: 1, done: 1, total: 3 },
    ...overrides,
  };
}

export function makeActionItem(
  overrides: Partial<ActionItem> = {},
): ActionItem {
  return {
    id: 'a1',
    postmortemId: POSTMORTEM_ID,
    title: 'Alert on queue depth',
    owner: 'group:default/sre',
    dueDate: '2026-10-15',
    status: 'open',
    priority: 'high',
    kind: 'detect',
    createdAt: '2026-10-02T10:00:00+09:00',
    createdBy: 'user:default/hanako.yamada',
    updatedAt: '2026-10-02T10:00:00+09:00',
    updatedBy: 'user:default/hanako.yamada',
    version: 1,
    overdue: false,
    entityRefs: ['component:default/seikyu-kanri-robo'],
    postmortemTitle: '非同期ジョブキューの滞留で請求書発行が遅延',
    ...overrides,
  };
}

/** The date `days` before today in the browser's zone, as `YYYY-MM-DD`. */
export function dateDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const SESSION_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

export function makeReadingSession(
  overrides: Partial<ReadingSession> = {},
): ReadingSession {
  return {
    id: SESSION_ID,
    ownerGroup: 'group:default/sre',
    scheduledAt: '2026-11-20T17:00:00+09:00',
    durationMinutes: 30,
    facilitator: 'user:default/hanako.yamada',
    status: 'planned',
    participants: [],
    createdAt: '2026-11-01T10:00:00+09:00',
    createdBy: 'user:default/hanako.yamada',
    updatedAt: '2026-11-01T10:00:00+09:00',
    updatedBy: 'user:default/hanako.yamada',
    version: 1,
    ...overrides,
  };
}

export function makeSuggestion(
  overrides: Partial<ReadingSessionSuggestion> = {},
): ReadingSessionSuggestion {
  return {
    postmortem: makePostmortem(),
    score: 10,
    reasons: [{ code: 'never_read' }],
    ...overrides,
  };
}

/** Catalog users with display names, for the entity pickers. */
export const USERS: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'kenta.ito', namespace: 'default' },
    spec: { profile: { displayName: '伊藤 健太' } },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'mei.kobayashi', namespace: 'default' },
    spec: { profile: { displayName: '小林 芽衣' } },
  },
];

/** An API whose every method is a jest mock; override what a test needs. */
export function mockPostmortemsApi(
  overrides: Partial<PostmortemsApi> = {},
): jest.Mocked<PostmortemsApi> {
  const page = { items: [], totalCount: 0 };
  return {
    listPostmortems: jest.fn().mockResolvedValue(page),
    getPostmortem: jest.fn().mockResolvedValue(makePostmortem()),
    createPostmortem: jest.fn(),
    updatePostmortem: jest.fn(),
    deletePostmortem: jest.fn().mockResolvedValue(undefined),
    restorePostmortem: jest.fn(),
    listRevisions: jest.fn().mockResolvedValue([]),
    listPostmortemActionItems: jest.fn().mockResolvedValue(page),
    createActionItem: jest.fn(),
    updateActionItem: jest.fn(),
    deleteActionItem: jest.fn().mockResolvedValue(undefined),
    listActionItems: jest.fn().mockResolvedValue(page),
    listReadingSessions: jest.fn().mockResolvedValue(page),
    getCurrentReadingSession: jest.fn().mockResolvedValue({ session: null }),
    getReadingSession: jest.fn(),
    listReadingSessionActionItems: jest.fn().mockResolvedValue(page),
    getActionItem: jest.fn().mockResolvedValue(makeActionItem()),
    createReadingSession: jest.fn(),
    updateReadingSession: jest.fn(),
    getReadingSessionSuggestions: jest.fn().mockResolvedValue([]),
    createReadingSessionSeries: jest.fn(),
    getReadingSessionCalendar: jest.fn().mockResolvedValue('BEGIN:VCALENDAR'),
    getGroupCalendar: jest.fn().mockResolvedValue('BEGIN:VCALENDAR'),
    listTemplates: jest.fn().mockResolvedValue([sreBookTemplate]),
    exportPostmortemMarkdown: jest.fn().mockResolvedValue({
      blob: new Blob(['---\n'], { type: 'text/markdown' }),
      filename: 'postmortem.md',
    }),
    exportPostmortemsArchive: jest.fn().mockResolvedValue({
      blob: new Blob(['PK'], { type: 'application/zip' }),
      filename: 'postmortems.zip',
    }),
    importPostmortems: jest.fn(),
    getInsights: jest.fn().mockResolvedValue(makeEmptyInsights()),
    ...overrides,
  } as jest.Mocked<PostmortemsApi>;
}

/** A `ResponseError` as the client throws it for an error response. */
export async function responseError(
  status: number,
  message: string,
  name = status === 409 ? 'ConflictError' : 'InputError',
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      {
        status,
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

/**
 * The `ResponseError` of the backend's one-session-a-month 409: its message
 * and its `fields` (`scheduledAt`, code `one_per_month`).
 */
export async function duplicateMonthError(
  month: string,
): Promise<ResponseError> {
  const { name, message, fields } = conflictAt(
    `group:default/sre already has a reading session in ${month} (planned, ${month}-07T08:00:00.000Z); cancel it or choose another month`,
    {
      field: 'scheduledAt',
      message: `the group already has a reading session in ${month}`,
      code: 'one_per_month',
      params: { month },
    },
  );
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message, fields },
        response: { statusCode: 409 },
      }),
      { status: 409, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

/**
 * The `ResponseError` of a 400 that names fields, with the body the backend
 * sends: Backstage's error body whose `error` carries `fields`.
 */
export async function invalidRequestError(
  ...fields: [FieldError, ...FieldError[]]
): Promise<ResponseError> {
  const { name, message } = invalidRequest(...fields);
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message, fields },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}
