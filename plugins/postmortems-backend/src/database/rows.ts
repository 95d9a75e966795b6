import { ConflictError } from '@backstage/errors';
import {
  ActionItem,
  Postmortem,
  ReadingSession,
} from '@postmortems/backstage-plugin-postmortems-common';
import {
  compact,
  parseJson,
  searchTextOf,
  toDate,
  toIso,
  toOptionalIso,
} from './conversions';
import { searchGramsOf } from './search/grams';
import {
  ActionItemInput,
  PostmortemInput,
  ReadingSessionInput,
} from '@postmortems/backstage-plugin-postmortems-node';

/*
 * The mapping between API shapes and table rows: JSON columns, timestamps,
 * and the snake_case column names.
 */

/** A row as Knex returns it. */
export type Row = Record<string, any>;

/** Action item statuses that count as finished. */
export const CLOSED_STATUSES = ['done', 'wont_do'];

/**
 * The columns a postmortem is read from, prefixed with a table alias if
 * given: not the search index's (`search_text`, `search_grams`, and on
 * PostgreSQL its tsvector), which are many times the size of the rest.
 */
export function postmortemReadColumns(alias?: string): string[] {
  return [
    'id',
    'title',
    'status',
    'severity',
    'detection',
    'started_at',
    'detected_at',
    'mitigated_at',
    'resolved_at',
    'template',
    'sections',
    'timeline',
    'tags',
    'authors',
    'entity_refs',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'version',
    'deleted_at',
    'deleted_by',
  ].map(column => (alias ? `${alias}.${column}` : column));
}

/** The columns of a whole postmortem. */
export function postmortemColumns(input: PostmortemInput): Row {
  const searchText = searchTextOf(input.title, input.sections);
  return {
    title: input.title,
    status: input.status,
    severity: input.severity,
    detection: input.detection,
    started_at: toDate(input.startedAt),
    detected_at: toDate(input.detectedAt),
    mitigated_at: toDate(input.mitigatedAt),
    resolved_at: toDate(input.resolvedAt),
    template: input.template,
    sections: JSON.stringify(input.sections),
    timeline: JSON.stringify(input.timeline),
    tags: JSON.stringify(input.tags),
    authors: JSON.stringify(input.authors),
    entity_refs: JSON.stringify(input.entityRefs),
    search_text: searchText,
    search_grams: searchGramsOf(searchText),
    impact_minutes: impactMinutesOf(input),
    started_month: new Date(input.startedAt).getUTCMonth() + 1,
  };
}

/** Minutes from the start to the resolution (or mitigation), rounded. */
function impactMinutesOf(input: PostmortemInput): number | null {
  const ended = input.resolvedAt ?? input.mitigatedAt;
  return ended
    ? Math.round((Date.parse(ended) - Date.parse(input.startedAt)) / 60_000)
    : null;
}

/** The `due_key` of an action item without a due date: after every date. */
export const NO_DUE_DATE = '9999-12-31';

/** An action item row, joined with its postmortem's title and refs. */
export function rowToActionItem(row: Row, today: string): ActionItem {
  const closed = CLOSED_STATUSES.includes(row.status);
  return compact({
    id: row.id,
    postmortemId: row.postmortem_id,
    title: row.title,
    description: row.description,
    owner: row.owner,
    dueDate: row.due_date,
    status: row.status,
    priority: row.priority,
    kind: row.kind,
    externalUrl: row.external_url,
    readingSessionId: row.reading_session_id,
    createdAt: toIso(row.created_at),
    createdBy: row.created_by,
    updatedAt: toIso(row.updated_at),
    updatedBy: row.updated_by,
    completedAt: toOptionalIso(row.completed_at),
    version: row.version,
    overdue: !closed && !!row.due_date && row.due_date < today,
    entityRefs: parseJson<string[]>(row.entity_refs, []),
    postmortemTitle: row.postmortem_title,
  });
}

export function checkVersion(row: Row, expectedVersion: number, what: string) {
  if (row.version !== expectedVersion) {
    throw new ConflictError(
      `${what} ${row.id} is at version ${row.version}, not ${expectedVersion}: someone else changed it; reload and try again`,
    );
  }
}

export function rowToPostmortemInput(row: Row): PostmortemInput {
  const p = rowToPostmortem(row);
  return {
    title: p.title,
    entityRefs: p.entityRefs,
    status: p.status,
    severity: p.severity,
    detection: p.detection,
    startedAt: p.startedAt,
    detectedAt: p.detectedAt ?? null,
    mitigatedAt: p.mitigatedAt ?? null,
    resolvedAt: p.resolvedAt ?? null,
    template: p.template,
    sections: p.sections,
    timeline: p.timeline,
    tags: p.tags,
    authors: p.authors,
  };
}

export function rowToPostmortem(
  row: Row,
): Omit<Postmortem, 'actionItemCounts' | 'readings'> {
  return compact({
    id: row.id,
    title: row.title,
    entityRefs: parseJson<string[]>(row.entity_refs, []),
    status: row.status,
    severity: row.severity,
    detection: row.detection,
    startedAt: toIso(row.started_at),
    detectedAt: toOptionalIso(row.detected_at),
    mitigatedAt: toOptionalIso(row.mitigated_at),
    resolvedAt: toOptionalIso(row.resolved_at),
    template: row.template,
    sections: parseJson<Record<string, string>>(row.sections, {}),
    timeline: parseJson(row.timeline, []),
    tags: parseJson<string[]>(row.tags, []),
    authors: parseJson<string[]>(row.authors, []),
    createdAt: toIso(row.created_at),
    createdBy: row.created_by,
    updatedAt: toIso(row.updated_at),
    updatedBy: row.updated_by,
    version: row.version,
    deletedAt: toOptionalIso(row.deleted_at),
    deletedBy: row.deleted_by,
  });
}

/** The columns of the fields present in an action item (patch). */
export function actionItemColumns(input: Partial<ActionItemInput>): Row {
  const columns: Row = {
    title: input.title,
    description: input.description,
    owner: input.owner,
    due_date: input.dueDate,
    status: input.status,
    priority: input.priority,
    kind: input.kind,
    external_url: input.externalUrl,
    reading_session_id: input.readingSessionId,
    // Kept beside status and due date for the index the lists walk.
    is_open:
      input.status === undefined
        ? undefined
        : !CLOSED_STATUSES.includes(input.status),
    due_key:
      input.dueDate === undefined ? undefined : input.dueDate ?? NO_DUE_DATE,
  };
  return Object.fromEntries(
    Object.entries(columns).filter(([, v]) => v !== undefined),
  );
}

/** The columns of the fields present in a reading session (patch). */
export function readingSessionColumns(
  input: Partial<ReadingSessionInput>,
): Row {
  const columns: Row = {
    owner_group: input.ownerGroup,
    scheduled_at:
      input.scheduledAt === undefined ? undefined : toDate(input.scheduledAt),
    facilitator: input.facilitator,
    postmortem_id: input.postmortemId,
    notes: input.notes,
  };
  return Object.fromEntries(
    Object.entries(columns).filter(([, v]) => v !== undefined),
  );
}

export function rowToReadingSession(row: Row): ReadingSession {
  return compact({
    id: row.id,
    ownerGroup: row.owner_group,
    scheduledAt: toIso(row.scheduled_at),
    durationMinutes: row.duration_minutes,
    facilitator: row.facilitator,
    postmortemId: row.postmortem_id,
    status: row.status,
    participants: parseJson<string[]>(row.participants, []),
    notes: row.notes,
    seriesId: row.series_id,
    createdAt: toIso(row.created_at),
    createdBy: row.created_by,
    updatedAt: toIso(row.updated_at),
    updatedBy: row.updated_by,
    version: row.version,
  });
}
