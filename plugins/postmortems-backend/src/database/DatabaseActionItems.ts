import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@backstage/errors';
import {
  ACTION_ITEM_STATUSES,
  ActionItem,
  Page,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Knex } from 'knex';
import { engineOf } from './conversions';
import { decodeCursor, DEFAULT_LIMIT, fetchPage } from './paging';
import {
  ActionItemFilter,
  ActionItemInput,
  ActionItemsStore,
} from '@postmortems/backstage-plugin-postmortems-node';
import {
  CLOSED_STATUSES,
  NO_DUE_DATE,
  Row,
  actionItemColumns,
  checkVersion,
  rowToActionItem,
} from './rows';
import { postmortemIdsAbout, refreshOpenItems } from './lookups';
import { StoreContext } from './StoreContext';
import { trackInsights } from './insights/rollups/maintain';
import {
  conditionalUpdate,
  createdColumns,
  livePostmortemRow,
  lockPostmortemRow,
} from './writes';

/**
 * Writes a new action item of a postmortem, with the defaults of what it
 * leaves out, in the caller's transaction; its id. The caller holds the
 * postmortem's row lock (a new postmortem's, or `livePostmortemRow` with
 * `lock`) and recounts its open items (`refreshOpenItems`) once it has
 * written them all.
 */
export async function insertActionItem(
  tx: Knex.Transaction,
  postmortemId: string,
  input: ActionItemInput,
  by: string,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const status = input.status ?? 'open';
  await tx('action_items').insert({
    id,
    postmortem_id: postmortemId,
    ...actionItemColumns(input),
    status,
    priority: input.priority ?? 'medium',
    kind: input.kind ?? 'other',
    completed_at: CLOSED_STATUSES.includes(status) ? now : null,
    ...createdColumns(now, by),
  });
  return id;
}

/**
 * Joins each action item (`a`) with its postmortem (`p`). Every filter of
 * an action item list is on the items, so they are read first and the
 * postmortem by its key. MariaDB otherwise starts from the 100,000 live
 * postmortems and sorts their million items in a temporary table (a
 * team's closed items took over 60 s); `STRAIGHT_JOIN` keeps the order.
 */
function withPostmortem(
  db: Knex | Knex.Transaction,
  items: Knex.QueryBuilder,
): Knex.QueryBuilder {
  return engineOf(db) === 'mysql'
    ? items.joinRaw('STRAIGHT_JOIN ?? ON ?? = ??', [
        'postmortems as p',
        'p.id',
        'a.postmortem_id',
      ])
    : items.join('postmortems as p', 'p.id', 'a.postmortem_id');
}

/**
 * How many live postmortems about an entity make MySQL/MariaDB walk the
 * items in page order (see `entityFilterShape`). Measured on MariaDB 10.11
 * at 100,000 postmortems: see the backend README.
 */
const WALK_ITEMS_ABOVE_POSTMORTEMS = 2000;

/**
 * How a list reads its items:
 * - `join`: the items joined with their live postmortems, filtered, sorted
 *   and paged in one query; the entity filter `IN (its postmortems)`.
 * - `in` and `walk`, for an entity filter on MySQL/MariaDB: a page of item
 *   ids from the items alone, live by `postmortem_entities.deleted_at`,
 *   then joined. With the join inside, MariaDB flattens the `IN` into a
 *   join led by the entity's postmortems, reads each of them and all
 *   their items, and sorts those in a temporary table whatever the limit
 *   (seconds for an entity with 11,000 postmortems). Alone, the items are
 *   read from an index. `walk`, above `walkAbove` postmortems, writes the
 *   filter as a correlated scalar subquery, which MariaDB cannot flatten:
 *   it walks the items in page order from `(is_open, due_key, id)` and
 *   stops at the page. Below, that walk would pass most open items before
 *   it found a rare entity's, so `in` sorts the entity's items instead.
 */
type ItemsShape = 'join' | 'in' | 'walk';

async function itemsShape(
  db: Knex,
  entityRefs: string[] | undefined,
  walkAbove: number,
): Promise<ItemsShape> {
  if (!entityRefs?.length || engineOf(db) !== 'mysql') {
    return 'join';
  }
  const [{ n }] = await db
    .from(
      postmortemIdsAbout(db, entityRefs)
        .whereNull('deleted_at')
        .limit(walkAbove + 1)
        .as('about'),
    )
    .count({ n: '*' });
  return Number(n) > walkAbove ? 'walk' : 'in';
}

const OPEN_STATUSES = ACTION_ITEM_STATUSES.filter(
  s => !CLOSED_STATUSES.includes(s),
);

/** `status IN (…)`, or the same said by `is_open` alone when it can be. */
function whereStatuses(query: Knex.QueryBuilder, statuses: string[]) {
  const open = OPEN_STATUSES.filter(s => statuses.includes(s));
  const closed = CLOSED_STATUSES.filter(s => statuses.includes(s));
  // `is_open` is the head of the index the list walks; alone, it also
  // lets the items be read from the index without their rows.
  if (open.length === OPEN_STATUSES.length && !closed.length) {
    query.where('a.is_open', true);
  } else if (closed.length === CLOSED_STATUSES.length && !open.length) {
    query.where('a.is_open', false);
  } else {
    query.whereIn('a.status', statuses);
    if (!open.length || !closed.length) {
      query.where('a.is_open', open.length > 0);
    }
  }
}

/**
 * Action items in the table `action_items`, always read joined with their
 * postmortem: the items of a deleted postmortem disappear with it.
 */
export class DatabaseActionItems implements ActionItemsStore {
  constructor(
    private readonly ctx: StoreContext,
    private readonly options: {
      /** See `entityFilterShape`; tests lower it. */
      walkItemsAbovePostmortems?: number;
    } = {},
  ) {}

  async createActionItem(
    postmortemId: string,
    input: ActionItemInput,
    by: string,
  ): Promise<ActionItem> {
    const id = await this.ctx.write(async tx => {
      await livePostmortemRow(tx, postmortemId, { lock: true });
      return trackInsights(
        tx,
        this.ctx.timezone,
        [postmortemId],
        async () => {
          const itemId = await insertActionItem(
            tx,
            postmortemId,
            input,
            by,
            this.ctx.clock(),
          );
          await refreshOpenItems(tx, postmortemId);
          return itemId;
        },
        { locked: true },
      );
    });
    return (await this.getActionItem(id))!;
  }

  async getActionItem(id: string): Promise<ActionItem | undefined> {
    const row = await this.joined(this.ctx.db).where('a.id', id).first();
    return row ? rowToActionItem(row, this.ctx.today()) : undefined;
  }

  async listActionItems(filter: ActionItemFilter): Promise<Page<ActionItem>> {
    const { db } = this.ctx;
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const today = this.ctx.today();
    const shape = await itemsShape(
      db,
      filter.entityRefs,
      this.options.walkItemsAbovePostmortems ?? WALK_ITEMS_ABOVE_POSTMORTEMS,
    );
    // The count stops at its cap, so a walk would pass far more items
    // than the page does: it sorts nothing, and takes `in`.
    const base = (entities: ItemsShape = shape) => {
      const query =
        entities === 'join'
          ? withPostmortem(db, db('action_items as a')).whereNull(
              'p.deleted_at',
            )
          : db('action_items as a');
      if (filter.postmortemId) {
        query.where('a.postmortem_id', filter.postmortemId);
      }
      if (filter.readingSessionId) {
        query.where('a.reading_session_id', filter.readingSessionId);
      }
      if (filter.entityRefs?.length && entities === 'walk') {
        query.whereRaw('(?) is not null', [
          db('postmortem_entities as e')
            .select(db.raw('1'))
            .whereRaw('?? = ??', ['e.postmortem_id', 'a.postmortem_id'])
            .whereIn('e.entity_ref', filter.entityRefs)
            .whereNull('e.deleted_at')
            .limit(1),
        ]);
      } else if (filter.entityRefs?.length) {
        const about = postmortemIdsAbout(db, filter.entityRefs);
        query.whereIn(
          'a.postmortem_id',
          entities === 'join' ? about : about.whereNull('deleted_at'),
        );
      }
      if (filter.owners?.length) {
        query.whereIn('a.owner', filter.owners);
      }
      if (filter.statuses?.length) {
        whereStatuses(query, filter.statuses);
      }
      if (filter.priority?.length) {
        query.whereIn('a.priority', filter.priority);
      }
      if (filter.dueFrom || filter.dueTo) {
        query.whereNot('a.due_key', NO_DUE_DATE);
      }
      if (filter.dueFrom) {
        query.where('a.due_key', '>=', filter.dueFrom);
      }
      if (filter.dueTo) {
        query.where('a.due_key', '<=', filter.dueTo);
      }
      // An undated item's due_key sorts after every date, so it is never
      // before today.
      if (filter.overdue === true) {
        query.where('a.is_open', true).where('a.due_key', '<', today);
      } else if (filter.overdue === false) {
        query.where(q =>
          q.where('a.is_open', false).orWhere('a.due_key', '>=', today),
        );
      }
      return query;
    };

    // The due date is a YYYY-MM-DD string, so the text order is the date
    // order on every database.
    const order = [
      { column: 'a.due_key', order: 'asc' },
      { column: 'a.id', order: 'asc' },
    ];
    const columns = ['a.*', 'p.title as postmortem_title', 'p.entity_refs'];
    const ordered = base().orderBy(order);
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor, ['due', 'id'] as const);
      // The leading `>=` is the range the index starts from (see
      // `whereOlderThan`).
      ordered
        .where('a.due_key', '>=', after.due)
        .where(q =>
          q.where('a.due_key', '>', after.due).orWhere('a.id', '>', after.id),
        );
    }
    const rows =
      shape === 'join'
        ? ordered.select(columns)
        : db
            .from(
              ordered
                .select('a.id')
                .limit(limit + 1)
                .as('page'),
            )
            .joinRaw('STRAIGHT_JOIN ?? ON ?? = ??', [
              'action_items as a',
              'a.id',
              'page.id',
            ])
            .joinRaw('STRAIGHT_JOIN ?? ON ?? = ??', [
              'postmortems as p',
              'p.id',
              'a.postmortem_id',
            ])
            .select(columns)
            .orderBy(order);
    return fetchPage({
      db,
      rows,
      all: base(shape === 'walk' ? 'in' : shape),
      limit,
      toItems: page => page.map(r => rowToActionItem(r, today)),
      cursorOf: last => ({ due: last.dueDate ?? NO_DUE_DATE, id: last.id }),
    });
  }

  async updateActionItem(
    id: string,
    expectedVersion: number,
    patch: Partial<ActionItemInput>,
    by: string,
  ): Promise<ActionItem> {
    await this.ctx.write(async tx => {
      const current = await this.joined(tx).where('a.id', id).first();
      if (!current) {
        throw new NotFoundError(`Action item ${id} not found`);
      }
      checkVersion(current, expectedVersion, 'Action item');
      await lockPostmortemRow(tx, current.postmortem_id);
      await trackInsights(
        tx,
        this.ctx.timezone,
        [current.postmortem_id],
        () => this.writeUpdate(tx, current, expectedVersion, patch, by),
        { locked: true },
      );
    });
    return (await this.getActionItem(id))!;
  }

  /** The update of an item whose postmortem's row lock is held. */
  private async writeUpdate(
    tx: Knex.Transaction,
    current: Row,
    expectedVersion: number,
    patch: Partial<ActionItemInput>,
    by: string,
  ): Promise<void> {
    const now = this.ctx.clock();
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
    await conditionalUpdate(
      tx,
      'action_items',
      current.id,
      expectedVersion,
      columns,
    );
    if (patch.status !== undefined || patch.dueDate !== undefined) {
      await refreshOpenItems(tx, current.postmortem_id);
    }
  }

  async deleteActionItem(id: string): Promise<void> {
    await this.ctx.write(async tx => {
      const row = await tx('action_items').where({ id }).first('postmortem_id');
      if (!row) {
        throw new NotFoundError(`Action item ${id} not found`);
      }
      await lockPostmortemRow(tx, row.postmortem_id);
      await trackInsights(
        tx,
        this.ctx.timezone,
        [row.postmortem_id],
        async () => {
          await tx('action_items').where({ id }).delete();
          await refreshOpenItems(tx, row.postmortem_id);
        },
        { locked: true },
      );
    });
  }

  /** Action items of live postmortems, with the postmortem's title and refs. */
  private joined(db: Knex | Knex.Transaction) {
    return withPostmortem(db, db('action_items as a'))
      .whereNull('p.deleted_at')
      .select('a.*', 'p.title as postmortem_title', 'p.entity_refs');
  }
}
