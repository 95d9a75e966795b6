import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Page,
  Postmortem,
  PostmortemRevision,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Knex } from 'knex';
import { parseJson, toDate, toIso } from './conversions';
import {
  decodeCursor,
  DEFAULT_LIMIT,
  cursorDate,
  fetchPage,
  whereOlderThan,
} from './paging';
import { decoratePostmortems } from './decoratePostmortems';
import {
  ActionItemInput,
  ImportPostmortemOutcome,
  PostmortemFilter,
  PostmortemInput,
  PostmortemsStore,
} from '@postmortems/backstage-plugin-postmortems-node';
import { DatabaseActionItems, insertActionItem } from './DatabaseActionItems';
import {
  Row,
  checkVersion,
  postmortemColumns,
  postmortemReadColumns,
  rowToPostmortem,
  rowToPostmortemInput,
} from './rows';
import {
  postmortemIdsAbout,
  refreshOpenItems,
  syncEntityTimeline,
} from './lookups';
import { StoreContext } from './StoreContext';
import { trackInsights } from './insights/rollups/maintain';
import { searchConditions } from './search/whereSearchMatches';
import { conditionalUpdate, createdColumns, livePostmortemRow } from './writes';

/**
 * The ids of the first `want` candidates (in their query's order, batch by
 * batch from the keyset) that pass `recheck`, the LIKE of a search: only
 * the candidates read past are rechecked.
 */
async function recheckedIds(options: {
  db: Knex;
  candidates: () => Knex.QueryBuilder;
  recheck: Knex.Raw;
  want: number;
  sort: { column: string; idColumn: string };
}): Promise<string[]> {
  const { db, want, sort } = options;
  const batchSize = Math.max(50, 4 * want);
  const found: string[] = [];
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const query = options.candidates().limit(batchSize);
    if (after) {
      whereOlderThan(query, sort.column, sort.idColumn, after);
    }
    const batch: Row[] = await query;
    const ids = batch.map(row => row.id as string);
    const passed = new Set<string>(
      ids.length
        ? await db('postmortems as p')
            .whereIn('p.id', ids)
            .where(options.recheck)
            .pluck('p.id')
        : [],
    );
    for (const id of ids) {
      if (passed.has(id)) {
        found.push(id);
        if (found.length === want) return found;
      }
    }
    if (batch.length < batchSize) return found;
    const last = batch[batch.length - 1];
    after = { at: new Date(toIso(last.at)), id: last.id };
  }
}

/**
 * The order of a postmortem list and the cursor key naming it: live ones
 * read as an incident history (an entity's from its lookup rows), deleted
 * ones as a recycle bin; a cursor of one is a 400 for the other.
 */
function sortOf(deleted: boolean | undefined, oneEntity: string | undefined) {
  if (deleted) {
    return {
      column: 'p.deleted_at',
      idColumn: 'p.id',
      key: 'deletedAt',
    } as const;
  }
  if (oneEntity) {
    return {
      column: 'e.started_at',
      idColumn: 'e.postmortem_id',
      key: 'startedAt',
    } as const;
  }
  return {
    column: 'p.started_at',
    idColumn: 'p.id',
    key: 'startedAt',
  } as const;
}

/**
 * Postmortems and their revisions in the tables `postmortems`,
 * `postmortem_entities`, `postmortem_tags` and `postmortem_revisions`. Every
 * accepted change writes a revision in the same transaction.
 */
export class DatabasePostmortems implements PostmortemsStore {
  constructor(private readonly ctx: StoreContext) {}

  async createPostmortem(
    input: PostmortemInput,
    by: string,
  ): Promise<Postmortem> {
    const id = randomUUID();
    await this.ctx.write(tx =>
      trackInsights(
        tx,
        this.ctx.timezone,
        [id],
        () => this.insertPostmortem(tx, id, input, by),
        { created: true },
      ),
    );
    return (await this.getPostmortem(id))!;
  }

  async importPostmortem(
    input: PostmortemInput,
    actionItems: ActionItemInput[],
    by: string,
  ): Promise<ImportPostmortemOutcome> {
    const outcome = await this.ctx.write(
      async (
        tx,
      ): Promise<
        { duplicateOf: string } | { id: string; itemIds: string[] }
      > => {
        // Same instant, compared as a range so that every engine's datetime
        // precision agrees; the title compared here, not by the database's
        // collation (MySQL's ignores case).
        const startedAt = toDate(input.startedAt)!;
        const sameStart = await tx('postmortems')
          .select('id', 'title')
          .whereNull('deleted_at')
          .where('started_at', '>=', startedAt)
          .where('started_at', '<', new Date(startedAt.getTime() + 1))
          .orderBy('id');
        const duplicate = sameStart.find(row => row.title === input.title);
        if (duplicate) {
          return { duplicateOf: duplicate.id as string };
        }
        const id = randomUUID();
        const itemIds: string[] = [];
        await trackInsights(
          tx,
          this.ctx.timezone,
          [id],
          async () => {
            await this.insertPostmortem(tx, id, input, by);
            const now = this.ctx.clock();
            for (const item of actionItems) {
              itemIds.push(await insertActionItem(tx, id, item, by, now));
            }
            await refreshOpenItems(tx, id);
          },
          { created: true },
        );
        return { id, itemIds };
      },
    );
    if ('duplicateOf' in outcome) {
      return outcome;
    }
    const postmortem = (await this.getPostmortem(outcome.id))!;
    const items = new DatabaseActionItems(this.ctx);
    return {
      postmortem,
      actionItems: await Promise.all(
        outcome.itemIds.map(
          async itemId => (await items.getActionItem(itemId))!,
        ),
      ),
    };
  }

  async getPostmortem(
    id: string,
    options?: { includeDeleted?: boolean },
  ): Promise<Postmortem | undefined> {
    const query = this.ctx
      .db('postmortems')
      .select(postmortemReadColumns())
      .where({ id });
    if (!options?.includeDeleted) {
      query.whereNull('deleted_at');
    }
    const row = await query.first();
    return row ? (await decoratePostmortems(this.ctx, [row]))[0] : undefined;
  }

  async getPostmortems(ids: string[]): Promise<Postmortem[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await this.ctx
      .db('postmortems')
      .select(postmortemReadColumns())
      .whereIn('id', ids)
      .whereNull('deleted_at');
    return decoratePostmortems(this.ctx, rows);
  }

  async listPostmortems(filter: PostmortemFilter): Promise<Page<Postmortem>> {
    const { db } = this.ctx;
    const limit = filter.limit ?? DEFAULT_LIMIT;
    // One entity's history (its tab, its card) walks the lookup table's
    // timeline index in page order; several entities (a team's) select ids.
    const oneEntity =
      !filter.deleted && filter.entityRefs?.length === 1
        ? filter.entityRefs[0]
        : undefined;
    const sort = sortOf(filter.deleted, oneEntity);
    const search = filter.q ? searchConditions(db, filter.q) : undefined;
    // `recheck: false` leaves out the LIKE of a search, for its candidates.
    const base = (options?: { recheck: false }) => {
      const query = oneEntity
        ? db('postmortem_entities as e')
            .join('postmortems as p', 'p.id', 'e.postmortem_id')
            .where('e.entity_ref', oneEntity)
            .whereNull('e.deleted_at')
        : db('postmortems as p');
      if (filter.deleted) {
        query.whereNotNull('p.deleted_at');
      } else {
        query.whereNull('p.deleted_at');
      }
      if (filter.entityRefs?.length && !oneEntity) {
        query.whereIn('p.id', postmortemIdsAbout(db, filter.entityRefs));
      }
      if (filter.tag) {
        query.whereIn(
          'p.id',
          db('postmortem_tags')
            .select('postmortem_id')
            .where('tag', filter.tag),
        );
      }
      for (const field of ['status', 'severity', 'detection'] as const) {
        if (filter[field]) {
          query.where(`p.${field}`, filter[field]);
        }
      }
      if (search) {
        search.whereCandidates(query);
        if (search.recheck && options?.recheck !== false) {
          query.where(search.recheck);
        }
      }
      const startedAt = oneEntity ? 'e.started_at' : 'p.started_at';
      if (filter.from) {
        query.where(startedAt, '>=', toDate(filter.from));
      }
      if (filter.to) {
        query.where(startedAt, '<', toDate(filter.to));
      }
      return query;
    };

    const after = filter.cursor
      ? (() => {
          const key = decodeCursor(filter.cursor, [sort.key, 'id'] as const);
          return { at: cursorDate(key[sort.key]), id: key.id };
        })()
      : undefined;
    const ordered = (query: Knex.QueryBuilder) => {
      query.orderBy([
        { column: sort.column, order: 'desc' },
        { column: sort.idColumn, order: 'desc' },
      ]);
      return after
        ? whereOlderThan(query, sort.column, sort.idColumn, after)
        : query;
    };
    const rows = ordered(base().select(postmortemReadColumns('p')));
    if (search?.recheck) {
      // The page of a search whose grams do not decide: candidates in page
      // order first, then the LIKE on them alone, rather than on every
      // candidate before sorting (14,000 texts read for a word in 14 % of
      // 100,000 postmortems).
      rows.whereIn(
        'p.id',
        await recheckedIds({
          db,
          candidates: () =>
            ordered(
              base({ recheck: false }).select(
                `${sort.idColumn} as id`,
                `${sort.column} as at`,
              ),
            ),
          recheck: search.recheck,
          want: limit + 1,
          sort,
        }),
      );
    }
    return fetchPage({
      db,
      rows,
      all: base(),
      limit,
      toItems: page => decoratePostmortems(this.ctx, page),
      cursorOf: last => ({ [sort.key]: last[sort.key]!, id: last.id }),
    });
  }

  async updatePostmortem(
    id: string,
    expectedVersion: number,
    patch: Partial<PostmortemInput>,
    by: string,
  ): Promise<Postmortem> {
    await this.ctx.write(async tx => {
      const current = await livePostmortemRow(tx, id);
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
      await trackInsights(tx, this.ctx.timezone, [id], async () => {
        await conditionalUpdate(tx, 'postmortems', id, expectedVersion, {
          ...postmortemColumns(after),
          updated_at: this.ctx.clock(),
          updated_by: by,
        });
        if (
          changedFields.includes('entityRefs') ||
          changedFields.includes('tags')
        ) {
          await this.syncLookups(tx, id, before, after);
        }
        if (
          changedFields.includes('entityRefs') ||
          changedFields.includes('startedAt')
        ) {
          await syncEntityTimeline(tx, id);
        }
      });
      const row = await tx('postmortems').where({ id }).first();
      await this.insertRevision(tx, row, 'updated', changedFields, by);
    });
    return (await this.getPostmortem(id))!;
  }

  async deletePostmortem(id: string, by: string): Promise<void> {
    await this.ctx.write(async tx => {
      const current = await livePostmortemRow(tx, id);
      const now = this.ctx.clock();
      await trackInsights(tx, this.ctx.timezone, [id], async () => {
        await conditionalUpdate(tx, 'postmortems', id, current.version, {
          deleted_at: now,
          deleted_by: by,
          updated_at: now,
          updated_by: by,
        });
        await syncEntityTimeline(tx, id);
      });
      const row = await tx('postmortems').where({ id }).first();
      await this.insertRevision(tx, row, 'deleted', ['deletedAt'], by);
    });
  }

  async restorePostmortem(id: string, by: string): Promise<Postmortem> {
    await this.ctx.write(async tx => {
      const current = await tx('postmortems').where({ id }).first();
      if (!current) {
        throw new NotFoundError(`Postmortem ${id} not found`);
      }
      if (current.deleted_at === null) {
        throw new ConflictError(`Postmortem ${id} is not deleted`);
      }
      await trackInsights(tx, this.ctx.timezone, [id], async () => {
        await conditionalUpdate(tx, 'postmortems', id, current.version, {
          deleted_at: null,
          deleted_by: null,
          updated_at: this.ctx.clock(),
          updated_by: by,
        });
        await syncEntityTimeline(tx, id);
      });
      const row = await tx('postmortems').where({ id }).first();
      await this.insertRevision(tx, row, 'restored', ['deletedAt'], by);
    });
    return (await this.getPostmortem(id))!;
  }

  /**
   * Deletes for good the postmortems deleted before `deletedBefore`, with
   * what is theirs (entities, tags, revisions, action items: the foreign
   * keys cascade; a reading session that picked one keeps its date and
   * loses its pick), a batch per transaction; their ids. A postmortem
   * restored meanwhile is kept: each batch locks the rows it purges and
   * reads them again.
   */
  async purgeDeletedPostmortems(
    deletedBefore: Date,
    options: { batchSize?: number } = {},
  ): Promise<string[]> {
    const batchSize = options.batchSize ?? 100;
    const purged: string[] = [];
    for (;;) {
      const ids = await this.ctx.write(async tx => {
        const batch: string[] = await tx('postmortems')
          .whereNotNull('deleted_at')
          .where('deleted_at', '<', deletedBefore)
          .orderBy('id')
          .limit(batchSize)
          .forUpdate()
          .pluck('id');
        if (batch.length === 0) return batch;
        // A deleted postmortem counts for nothing in insights; its pair
        // rows (at 0) go with it.
        await trackInsights(tx, this.ctx.timezone, batch, async () => {
          await tx('insights_pair_members')
            .whereIn('postmortem_id', batch)
            .where('n', 0)
            .delete();
          await tx('postmortems').whereIn('id', batch).delete();
        });
        return batch;
      });
      purged.push(...ids);
      if (ids.length < batchSize) return purged;
    }
  }

  async listRevisions(postmortemId: string): Promise<PostmortemRevision[]> {
    const rows = await this.ctx
      .db('postmortem_revisions')
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

  /** Writes a new postmortem, its lookups and first revision. */
  private async insertPostmortem(
    tx: Knex.Transaction,
    id: string,
    input: PostmortemInput,
    by: string,
  ): Promise<void> {
    await tx('postmortems').insert({
      id,
      ...postmortemColumns(input),
      ...createdColumns(this.ctx.clock(), by),
    });
    await this.syncLookups(tx, id, { entityRefs: [], tags: [] }, input);
    await syncEntityTimeline(tx, id);
    const row = await tx('postmortems').where({ id }).first();
    await this.insertRevision(tx, row, 'created', Object.keys(input), by);
  }

  /**
   * Brings the lookup rows behind the `entityRef` and `tag` filters from
   * `before` to `after`, touching only the rows that change, each by its
   * primary key. Not "delete all, insert all": on MySQL (InnoDB, repeatable
   * read) a DELETE that matches no row takes a gap lock, and two
   * transactions that each hold one and then insert into the other's gap
   * deadlock, which made concurrent creates fail.
   */
  private async syncLookups(
    tx: Knex.Transaction,
    id: string,
    before: Pick<PostmortemInput, 'entityRefs' | 'tags'>,
    after: Pick<PostmortemInput, 'entityRefs' | 'tags'>,
  ) {
    const lookups = [
      [
        'postmortem_entities',
        'entity_ref',
        before.entityRefs,
        after.entityRefs,
      ],
      ['postmortem_tags', 'tag', before.tags, after.tags],
    ] as const;
    for (const [table, column, was, is] of lookups) {
      const removed = was.filter(value => !is.includes(value));
      const added = [...new Set(is.filter(value => !was.includes(value)))];
      if (removed.length) {
        await tx(table)
          .where({ postmortem_id: id })
          .whereIn(column, removed)
          .delete();
      }
      if (added.length) {
        await tx(table).insert(
          added.map(value => ({ postmortem_id: id, [column]: value })),
        );
      }
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
      changed_at: this.ctx.clock(),
      changed_by: by,
      changed_fields: JSON.stringify(changedFields),
      snapshot: JSON.stringify(rowToPostmortem(row)),
    });
  }
}
