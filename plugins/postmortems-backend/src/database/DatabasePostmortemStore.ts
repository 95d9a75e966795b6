import { randomUUID } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ActionItem,
  ActionItemCounts,
  Page,
  Postmortem,
  PostmortemRevision,
  ReadingSession,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  LIKE_ESCAPE,
  compact,
  containsPattern,
  decodeCursor,
  encodeCursor,
  normalizeSearch,
  parseJson,
  toDate,
  toIso,
  toNumber,
  toOptionalIso,
} from './conversions';
import { applyDatabaseMigrations } from './migrations';
import {
  CLOSED_STATUSES,
  Row,
  actionItemColumns,
  checkVersion,
  postmortemColumns,
  readingSessionColumns,
  rowToActionItem,
  rowToPostmortem,
  rowToPostmortemInput,
  rowToReadingSession,
} from './rows';
import {
  ActionItemFilter,
  ActionItemInput,
  PostmortemFilter,
  PostmortemInput,
  PostmortemStore,
  ReadingSessionFilter,
  ReadingSessionInput,
  SuggestionCandidates,
} from './PostmortemStore';

const DEFAULT_LIMIT = 20;
// Sorts undated action items after every real due date.
const NO_DUE_DATE = '9999-12-31';

/**
 * Options of {@link DatabasePostmortemStore.create}.
 *
 * @alpha
 */
export interface DatabasePostmortemStoreOptions {
  database: DatabaseService;
  /** Leave the schema alone (someone else migrates it). */
  skipMigrations?: boolean;
  /** The current time; tests and the example data pin it. */
  clock?: () => Date;
  /** The IANA time zone whose calendar day decides what is overdue. */
  timezone?: string;
}

/**
 * The {@link PostmortemStore} on the plugin's Knex database (SQLite,
 * PostgreSQL or MySQL).
 *
 * @alpha
 */
export class DatabasePostmortemStore implements PostmortemStore {
  static async create(
    options: DatabasePostmortemStoreOptions,
  ): Promise<DatabasePostmortemStore> {
    const knex = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await applyDatabaseMigrations(knex);
    }
    return new DatabasePostmortemStore(
      knex,
      options.clock ?? (() => new Date()),
      options.timezone ?? 'UTC',
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly clock: () => Date,
    private readonly timezone: string,
  ) {}

  /** Today's date in the configured time zone, as `YYYY-MM-DD`. */
  private today(): string {
    return DateTime.fromJSDate(this.clock(), { zone: this.timezone }).toFormat(
      'yyyy-MM-dd',
    );
  }

  // ---------------------------------------------------------------- postmortems

  async createPostmortem(
    input: PostmortemInput,
    by: string,
  ): Promise<Postmortem> {
    const id = randomUUID();
    const now = this.clock();
    await this.db.transaction(async tx => {
      await tx('postmortems').insert({
        id,
        ...postmortemColumns(input),
        created_at: now,
        created_by: by,
        updated_at: now,
        updated_by: by,
        version: 1,
      });
      await this.replaceLookups(tx, id, input.entityRefs, input.tags);
      const row = await tx('postmortems').where({ id }).first();
      await this.insertRevision(tx, row, 'created', Object.keys(input), by);
    });
    return (await this.getPostmortem(id))!;
  }

  async getPostmortem(
    id: string,
    options?: { includeDeleted?: boolean },
  ): Promise<Postmortem | undefined> {
    const query = this.db('postmortems').where({ id });
    if (!options?.includeDeleted) {
      query.whereNull('deleted_at');
    }
    const row = await query.first();
    return row ? (await this.decoratePostmortems([row]))[0] : undefined;
  }

  async listPostmortems(filter: PostmortemFilter): Promise<Page<Postmortem>> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const base = () => {
      const query = this.db('postmortems as p').whereNull('p.deleted_at');
      if (filter.entityRefs?.length) {
        query.whereIn(
          'p.id',
          this.db('postmortem_entities')
            .select('postmortem_id')
            .whereIn('entity_ref', filter.entityRefs),
        );
      }
      if (filter.tag) {
        query.whereIn(
          'p.id',
          this.db('postmortem_tags')
            .select('postmortem_id')
            .where('tag', filter.tag),
        );
      }
      for (const field of ['status', 'severity', 'detection'] as const) {
        if (filter[field]) {
          query.where(`p.${field}`, filter[field]);
        }
      }
      if (filter.q) {
        query.whereRaw(`p.search_text LIKE ? ESCAPE '${LIKE_ESCAPE}'`, [
          containsPattern(normalizeSearch(filter.q)),
        ]);
      }
      if (filter.from) {
        query.where('p.started_at', '>=', toDate(filter.from));
      }
      if (filter.to) {
        query.where('p.started_at', '<', toDate(filter.to));
      }
      return query;
    };

    const pageQuery = base()
      .select('p.*')
      .orderBy([
        { column: 'p.started_at', order: 'desc' },
        { column: 'p.id', order: 'desc' },
      ])
      .limit(limit + 1);
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor, ['startedAt', 'id'] as const);
      const startedAt = this.cursorDate(after.startedAt);
      pageQuery.where(q =>
        q
          .where('p.started_at', '<', startedAt)
          .orWhere(q2 =>
            q2.where('p.started_at', startedAt).where('p.id', '<', after.id),
          ),
      );
    }
    const [rows, [{ count }]] = await Promise.all([
      pageQuery,
      base().count({ count: '*' }),
    ]);
    const items = await this.decoratePostmortems(rows.slice(0, limit));
    const last = items[items.length - 1];
    return compact({
      items,
      totalCount: toNumber(count),
      nextCursor:
        rows.length > limit
          ? encodeCursor({ startedAt: last.startedAt, id: last.id })
          : undefined,
    });
  }

  async updatePostmortem(
    id: string,
    expectedVersion: number,
    patch: Partial<PostmortemInput>,
    by: string,
  ): Promise<Postmortem> {
    await this.db.transaction(async tx => {
      const current = await this.liveRow(tx, 'postmortems', id, 'Postmortem');
      checkVersion(current, expectedVersion, 'Postmortem');
      const before = rowToPostmortemInput(current);
      const after: PostmortemInput = { ...before, ...patch };
      const changedFields = (
        Object.keys(patch) as Array<keyof PostmortemInput>
      ).filter(
        f =>
          JSON.stringify(before[f] ?? null) !==
          JSON.stringify(after[f] ?? null),
      );
      if (changedFields.length === 0) {
        return;
      }
      await this.conditionalUpdate(tx, 'postmortems', id, expectedVersion, {
        ...postmortemColumns(after),
        updated_at: this.clock(),
        updated_by: by,
      });
      if (
        changedFields.includes('entityRefs') ||
        changedFields.includes('tags')
      ) {
        await this.replaceLookups(tx, id, after.entityRefs, after.tags);
      }
      const row = await tx('postmortems').where({ id }).first();
      await this.insertRevision(tx, row, 'updated', changedFields, by);
    });
    return (await this.getPostmortem(id))!;
  }

  async deletePostmortem(id: string, by: string): Promise<void> {
    await this.db.transaction(async tx => {
      const current = await this.liveRow(tx, 'postmortems', id, 'Postmortem');
      const now = this.clock();
      await this.conditionalUpdate(tx, 'postmortems', id, current.version, {
        deleted_at: now,
        deleted_by: by,
        updated_at: now,
        updated_by: by,
      });
      const row = await tx('postmortems').where({ id }).first();
      await this.insertRevision(tx, row, 'deleted', ['deletedAt'], by);
    });
  }

  async restorePostmortem(id: string, by: string): Promise<Postmortem> {
    await this.db.transaction(async tx => {
      const current = await tx('postmortems').where({ id }).first();
      if (!current) {
        throw new NotFoundError(`Postmortem ${id} not found`);
      }
      if (current.deleted_at === null) {
        throw new ConflictError(`Postmortem ${id} is not deleted`);
      }
      await this.conditionalUpdate(tx, 'postmortems', id, current.version, {
        deleted_at: null,
        deleted_by: null,
        updated_at: this.clock(),
        updated_by: by,
      });
      const row = await tx('postmortems').where({ id }).first();
      await this.insertRevision(tx, row, 'restored', ['deletedAt'], by);
    });
    return (await this.getPostmortem(id))!;
  }

  async listRevisions(postmortemId: string): Promise<PostmortemRevision[]> {
    const rows = await this.db('postmortem_revisions')
      .where({ postmortem_id: postmortemId })
      .orderBy('version', 'asc');
    return rows.map(row => ({
      postmortemId: row.postmortem_id,
      version: row.version,
      action: row.action,
      changedAt: toIso(row.changed_at),
      changedBy: row.changed_by,
      changedFields: parseJson(row.changed_fields, []),
      snapshot: parseJson(row.snapshot, {} as PostmortemRevision['snapshot']),
    }));
  }

  private async replaceLookups(
    tx: Knex.Transaction,
    id: string,
    entityRefs: string[],
    tags: string[],
  ) {
    await tx('postmortem_entities').where({ postmortem_id: id }).delete();
    await tx('postmortem_tags').where({ postmortem_id: id }).delete();
    await tx('postmortem_entities').insert(
      entityRefs.map(ref => ({ postmortem_id: id, entity_ref: ref })),
    );
    if (tags.length) {
      await tx('postmortem_tags').insert(
        tags.map(tag => ({ postmortem_id: id, tag })),
      );
    }
  }

  private async insertRevision(
    tx: Knex.Transaction,
    row: Row,
    action: PostmortemRevision['action'],
    changedFields: string[],
    by: string,
  ) {
    await tx('postmortem_revisions').insert({
      postmortem_id: row.id,
      version: row.version,
      action,
      changed_at: this.clock(),
      changed_by: by,
      changed_fields: JSON.stringify(changedFields),
      snapshot: JSON.stringify(rowToPostmortem(row)),
    });
  }

  /**
   * Adds the action item counts and readings to a page of postmortems, with
   * one grouped query each rather than one per postmortem.
   */
  private async decoratePostmortems(rows: Row[]): Promise<Postmortem[]> {
    if (rows.length === 0) {
      return [];
    }
    const ids = rows.map(r => r.id);
    const [counts, readings] = await Promise.all([
      this.db('action_items')
        .whereIn('postmortem_id', ids)
        .groupBy('postmortem_id')
        .select(
          'postmortem_id',
          this.db.raw('COUNT(*) AS total'),
          this.db.raw(
            'SUM(CASE WHEN status IN (?, ?) THEN 1 ELSE 0 END) AS done',
            CLOSED_STATUSES,
          ),
          this.db.raw(
            'SUM(CASE WHEN status NOT IN (?, ?) AND due_date < ? THEN 1 ELSE 0 END) AS overdue',
            [...CLOSED_STATUSES, this.today()],
          ),
        ),
      this.db('reading_sessions')
        .whereIn('postmortem_id', ids)
        .where('status', 'held')
        .groupBy('postmortem_id')
        .select(
          'postmortem_id',
          this.db.raw('COUNT(*) AS readings'),
          this.db.raw('MAX(scheduled_at) AS last_read_at'),
        ),
    ]);
    const countsById = new Map(counts.map((c: Row) => [c.postmortem_id, c]));
    const readingsById = new Map(
      readings.map((r: Row) => [r.postmortem_id, r]),
    );
    return rows.map(row => {
      const c = countsById.get(row.id);
      const r = readingsById.get(row.id);
      const total = toNumber(c?.total);
      const done = toNumber(c?.done);
      const actionItemCounts: ActionItemCounts = {
        open: total - done,
        overdue: toNumber(c?.overdue),
        done,
        total,
      };
      return {
        ...rowToPostmortem(row),
        actionItemCounts,
        readings: compact({
          count: toNumber(r?.readings),
          lastReadAt: toOptionalIso(r?.last_read_at),
        }),
      };
    });
  }

  // --------------------------------------------------------------- action items

  async createActionItem(
    postmortemId: string,
    input: ActionItemInput,
    by: string,
  ): Promise<ActionItem> {
    const id = randomUUID();
    const now = this.clock();
    const status = input.status ?? 'open';
    await this.db.transaction(async tx => {
      await this.liveRow(tx, 'postmortems', postmortemId, 'Postmortem');
      await tx('action_items').insert({
        id,
        postmortem_id: postmortemId,
        ...actionItemColumns(input),
        status,
        priority: input.priority ?? 'medium',
        kind: input.kind ?? 'other',
        completed_at: CLOSED_STATUSES.includes(status) ? now : null,
        created_at: now,
        created_by: by,
        updated_at: now,
        updated_by: by,
        version: 1,
      });
    });
    return (await this.getActionItem(id))!;
  }

  async getActionItem(id: string): Promise<ActionItem | undefined> {
    const row = await this.actionItemQuery(this.db).where('a.id', id).first();
    return row ? rowToActionItem(row, this.today()) : undefined;
  }

  async listActionItems(filter: ActionItemFilter): Promise<Page<ActionItem>> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const today = this.today();
    const base = () => {
      const query = this.db('action_items as a')
        .join('postmortems as p', 'p.id', 'a.postmortem_id')
        .whereNull('p.deleted_at');
      if (filter.postmortemId) {
        query.where('a.postmortem_id', filter.postmortemId);
      }
      if (filter.readingSessionId) {
        query.where('a.reading_session_id', filter.readingSessionId);
      }
      if (filter.entityRefs?.length) {
        query.whereIn(
          'a.postmortem_id',
          this.db('postmortem_entities')
            .select('postmortem_id')
            .whereIn('entity_ref', filter.entityRefs),
        );
      }
      if (filter.owners?.length) {
        query.whereIn('a.owner', filter.owners);
      }
      if (filter.statuses?.length) {
        query.whereIn('a.status', filter.statuses);
      }
      if (filter.overdue === true) {
        query
          .whereNotIn('a.status', CLOSED_STATUSES)
          .whereNotNull('a.due_date')
          .where('a.due_date', '<', today);
      } else if (filter.overdue === false) {
        query.where(q =>
          q
            .whereIn('a.status', CLOSED_STATUSES)
            .orWhereNull('a.due_date')
            .orWhere('a.due_date', '>=', today),
        );
      }
      return query;
    };

    // The due date is a YYYY-MM-DD string, so the text order is the date
    // order on every database.
    const dueKey = `COALESCE(a.due_date, '${NO_DUE_DATE}')`;
    const pageQuery = base()
      .select('a.*', 'p.title as postmortem_title', 'p.entity_refs')
      .orderByRaw(`${dueKey} ASC, a.id ASC`)
      .limit(limit + 1);
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor, ['due', 'id'] as const);
      pageQuery.whereRaw(`(${dueKey} > ? OR (${dueKey} = ? AND a.id > ?))`, [
        after.due,
        after.due,
        after.id,
      ]);
    }
    const [rows, [{ count }]] = await Promise.all([
      pageQuery,
      base().count({ count: '*' }),
    ]);
    const items = rows.slice(0, limit).map(r => rowToActionItem(r, today));
    const last = items[items.length - 1];
    return compact({
      items,
      totalCount: toNumber(count),
      nextCursor:
        rows.length > limit
          ? encodeCursor({ due: last.dueDate ?? NO_DUE_DATE, id: last.id })
          : undefined,
    });
  }

  async updateActionItem(
    id: string,
    expectedVersion: number,
    patch: Partial<ActionItemInput>,
    by: string,
  ): Promise<ActionItem> {
    await this.db.transaction(async tx => {
      const current = await this.actionItemQuery(tx).where('a.id', id).first();
      if (!current) {
        throw new NotFoundError(`Action item ${id} not found`);
      }
      checkVersion(current, expectedVersion, 'Action item');
      const now = this.clock();
      const columns: Row = {
        ...actionItemColumns(patch),
        updated_at: now,
        updated_by: by,
      };
      if (patch.status) {
        const wasClosed = CLOSED_STATUSES.includes(current.status);
        const isClosed = CLOSED_STATUSES.includes(patch.status);
        if (isClosed && !wasClosed) {
          columns.completed_at = now;
        } else if (!isClosed) {
          columns.completed_at = null;
        }
      }
      await this.conditionalUpdate(
        tx,
        'action_items',
        id,
        expectedVersion,
        columns,
      );
    });
    return (await this.getActionItem(id))!;
  }

  async deleteActionItem(id: string): Promise<void> {
    const deleted = await this.db('action_items').where({ id }).delete();
    if (deleted === 0) {
      throw new NotFoundError(`Action item ${id} not found`);
    }
  }

  private actionItemQuery(db: Knex | Knex.Transaction) {
    return db('action_items as a')
      .join('postmortems as p', 'p.id', 'a.postmortem_id')
      .whereNull('p.deleted_at')
      .select('a.*', 'p.title as postmortem_title', 'p.entity_refs');
  }

  // ----------------------------------------------------------- reading sessions

  async createReadingSession(
    input: ReadingSessionInput,
    by: string,
  ): Promise<ReadingSession> {
    const id = randomUUID();
    const now = this.clock();
    await this.db('reading_sessions').insert({
      id,
      ...readingSessionColumns(input),
      duration_minutes: input.durationMinutes ?? 30,
      status: input.status ?? 'planned',
      participants: JSON.stringify(input.participants ?? []),
      created_at: now,
      created_by: by,
      updated_at: now,
      updated_by: by,
      version: 1,
    });
    return (await this.getReadingSession(id))!;
  }

  async getReadingSession(id: string): Promise<ReadingSession | undefined> {
    const row = await this.db('reading_sessions').where({ id }).first();
    return row ? rowToReadingSession(row) : undefined;
  }

  async listReadingSessions(
    filter: ReadingSessionFilter,
  ): Promise<Page<ReadingSession>> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const base = () => {
      const query = this.db('reading_sessions');
      if (filter.ownerGroup) {
        query.where('owner_group', filter.ownerGroup);
      }
      if (filter.status) {
        query.where('status', filter.status);
      }
      if (filter.from) {
        query.where('scheduled_at', '>=', toDate(filter.from));
      }
      if (filter.to) {
        query.where('scheduled_at', '<', toDate(filter.to));
      }
      return query;
    };
    const pageQuery = base()
      .select('*')
      .orderBy([
        { column: 'scheduled_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit + 1);
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor, ['scheduledAt', 'id'] as const);
      const scheduledAt = this.cursorDate(after.scheduledAt);
      pageQuery.where(q =>
        q
          .where('scheduled_at', '<', scheduledAt)
          .orWhere(q2 =>
            q2.where('scheduled_at', scheduledAt).where('id', '<', after.id),
          ),
      );
    }
    const [rows, [{ count }]] = await Promise.all([
      pageQuery,
      base().count({ count: '*' }),
    ]);
    const items = rows.slice(0, limit).map(rowToReadingSession);
    const last = items[items.length - 1];
    return compact({
      items,
      totalCount: toNumber(count),
      nextCursor:
        rows.length > limit
          ? encodeCursor({ scheduledAt: last.scheduledAt, id: last.id })
          : undefined,
    });
  }

  async updateReadingSession(
    id: string,
    expectedVersion: number,
    patch: Partial<ReadingSessionInput>,
    by: string,
  ): Promise<ReadingSession> {
    await this.db.transaction(async tx => {
      const current = await tx('reading_sessions').where({ id }).first();
      if (!current) {
        throw new NotFoundError(`Reading session ${id} not found`);
      }
      checkVersion(current, expectedVersion, 'Reading session');
      const columns: Row = {
        ...readingSessionColumns(patch),
        updated_at: this.clock(),
        updated_by: by,
      };
      if (patch.durationMinutes !== undefined) {
        columns.duration_minutes = patch.durationMinutes;
      }
      if (patch.status !== undefined) {
        columns.status = patch.status;
      }
      if (patch.participants !== undefined) {
        columns.participants = JSON.stringify(patch.participants);
      }
      await this.conditionalUpdate(
        tx,
        'reading_sessions',
        id,
        expectedVersion,
        columns,
      );
    });
    return (await this.getReadingSession(id))!;
  }

  async suggestionCandidates(
    ownerGroup: string,
  ): Promise<SuggestionCandidates> {
    const [rows, upcoming, covered] = await Promise.all([
      this.db('postmortems')
        .whereNull('deleted_at')
        .where('status', 'published')
        .orderBy([
          { column: 'started_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]),
      this.db('reading_sessions')
        .where({ owner_group: ownerGroup, status: 'planned' })
        .where('scheduled_at', '>=', this.clock())
        .whereNotNull('postmortem_id')
        .select('postmortem_id'),
      this.db('reading_sessions as s')
        .join('postmortem_entities as e', 'e.postmortem_id', 's.postmortem_id')
        .where({ 's.owner_group': ownerGroup, 's.status': 'held' })
        .groupBy('e.entity_ref')
        .select('e.entity_ref', this.db.raw('MAX(s.scheduled_at) AS last_at')),
    ]);
    return {
      postmortems: await this.decoratePostmortems(rows),
      pickedForUpcoming: upcoming.map(r => r.postmortem_id),
      lastCoveredAt: Object.fromEntries(
        covered.map((r: Row) => [r.entity_ref, toIso(r.last_at)]),
      ),
    };
  }

  // -------------------------------------------------------------------- helpers

  private cursorDate(value: string): Date {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      throw new InputError(
        'Invalid request: cursor: not a cursor from a previous page',
      );
    }
    return date;
  }

  private async liveRow(
    tx: Knex.Transaction,
    table: 'postmortems',
    id: string,
    what: string,
  ): Promise<Row> {
    const row = await tx(table).where({ id }).whereNull('deleted_at').first();
    if (!row) {
      throw new NotFoundError(`${what} ${id} not found`);
    }
    return row;
  }

  /**
   * The write of an optimistic-concurrency change: it only happens while the
   * row still has the version the change was based on, so of two requests
   * racing on the same version exactly one updates a row and the other
   * fails. The version check before it only gives the early, common answer.
   * MySQL reports changed rather than matched rows, which is the same here
   * because the version always changes.
   */
  private async conditionalUpdate(
    tx: Knex.Transaction,
    table: string,
    id: string,
    expectedVersion: number,
    columns: Row,
  ) {
    const updated = await tx(table)
      .where({ id, version: expectedVersion })
      .update({ ...columns, version: expectedVersion + 1 });
    if (updated !== 1) {
      throw new ConflictError(
        `${table} ${id} was changed by someone else since version ${expectedVersion}; reload and try again`,
      );
    }
  }
}
