import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@backstage/errors';
import {
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
 * Action items in the table `action_items`, always read joined with their
 * postmortem: the items of a deleted postmortem disappear with it.
 */
export class DatabaseActionItems implements ActionItemsStore {
  constructor(private readonly ctx: StoreContext) {}

  async createActionItem(
    postmortemId: string,
    input: ActionItemInput,
    by: string,
  ): Promise<ActionItem> {
    const id = await this.ctx.db.transaction(async tx => {
      await livePostmortemRow(tx, postmortemId, { lock: true });
      const itemId = await insertActionItem(
        tx,
        postmortemId,
        input,
        by,
        this.ctx.clock(),
      );
      await refreshOpenItems(tx, postmortemId);
      return itemId;
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
    const base = () => {
      const query = withPostmortem(db, db('action_items as a')).whereNull(
        'p.deleted_at',
      );
      if (filter.postmortemId) {
        query.where('a.postmortem_id', filter.postmortemId);
      }
      if (filter.readingSessionId) {
        query.where('a.reading_session_id', filter.readingSessionId);
      }
      if (filter.entityRefs?.length) {
        query.whereIn(
          'a.postmortem_id',
          postmortemIdsAbout(db, filter.entityRefs),
        );
      }
      if (filter.owners?.length) {
        query.whereIn('a.owner', filter.owners);
      }
      if (filter.statuses?.length) {
        query.whereIn('a.status', filter.statuses);
        // Redundant, but it is the head of the index the list walks.
        const open = filter.statuses.map(s => !CLOSED_STATUSES.includes(s));
        if (open.every(Boolean) || !open.some(Boolean)) {
          query.where('a.is_open', open[0]);
        }
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
    const rows = base()
      .select('a.*', 'p.title as postmortem_title', 'p.entity_refs')
      .orderBy([
        { column: 'a.due_key', order: 'asc' },
        { column: 'a.id', order: 'asc' },
      ]);
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor, ['due', 'id'] as const);
      // The leading `>=` is the range the index starts from (see
      // `whereOlderThan`).
      rows
        .where('a.due_key', '>=', after.due)
        .where(q =>
          q.where('a.due_key', '>', after.due).orWhere('a.id', '>', after.id),
        );
    }
    return fetchPage({
      db,
      rows,
      all: base(),
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
    await this.ctx.db.transaction(async tx => {
      const current = await this.joined(tx).where('a.id', id).first();
      if (!current) {
        throw new NotFoundError(`Action item ${id} not found`);
      }
      checkVersion(current, expectedVersion, 'Action item');
      await lockPostmortemRow(tx, current.postmortem_id);
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
      await conditionalUpdate(tx, 'action_items', id, expectedVersion, columns);
      if (patch.status !== undefined || patch.dueDate !== undefined) {
        await refreshOpenItems(tx, current.postmortem_id);
      }
    });
    return (await this.getActionItem(id))!;
  }

  async deleteActionItem(id: string): Promise<void> {
    await this.ctx.db.transaction(async tx => {
      const row = await tx('action_items').where({ id }).first('postmortem_id');
      if (!row) {
        throw new NotFoundError(`Action item ${id} not found`);
      }
      await lockPostmortemRow(tx, row.postmortem_id);
      await tx('action_items').where({ id }).delete();
      await refreshOpenItems(tx, row.postmortem_id);
    });
  }

  /** Action items of live postmortems, with the postmortem's title and refs. */
  private joined(db: Knex | Knex.Transaction) {
    return withPostmortem(db, db('action_items as a'))
      .whereNull('p.deleted_at')
      .select('a.*', 'p.title as postmortem_title', 'p.entity_refs');
  }
}
