import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@backstage/errors';
import {
  ActionItem,
  Page,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Knex } from 'knex';
import { decodeCursor, DEFAULT_LIMIT, fetchPage } from './paging';
import {
  ActionItemFilter,
  ActionItemInput,
  ActionItemsStore,
} from '@postmortems/backstage-plugin-postmortems-node';
import {
  CLOSED_STATUSES,
  Row,
  actionItemColumns,
  checkVersion,
  rowToActionItem,
} from './rows';
import { postmortemIdsAbout } from './lookups';
import { StoreContext } from './StoreContext';
import { conditionalUpdate, createdColumns, livePostmortemRow } from './writes';

// Sorts undated action items after every real due date.
const NO_DUE_DATE = '9999-12-31';

/**
 * Writes a new action item of a postmortem, with the defaults of what it
 * leaves out, in the caller's transaction; its id.
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
      await livePostmortemRow(tx, postmortemId);
      return insertActionItem(tx, postmortemId, input, by, this.ctx.clock());
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
      const query = db('action_items as a')
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
          postmortemIdsAbout(db, filter.entityRefs),
        );
      }
      if (filter.owners?.length) {
        query.whereIn('a.owner', filter.owners);
      }
      if (filter.statuses?.length) {
        query.whereIn('a.status', filter.statuses);
      }
      if (filter.priority?.length) {
        query.whereIn('a.priority', filter.priority);
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
    const rows = base()
      .select('a.*', 'p.title as postmortem_title', 'p.entity_refs')
      .orderByRaw(`${dueKey} ASC, a.id ASC`);
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor, ['due', 'id'] as const);
      rows.whereRaw(`(${dueKey} > ? OR (${dueKey} = ? AND a.id > ?))`, [
        after.due,
        after.due,
        after.id,
      ]);
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
    });
    return (await this.getActionItem(id))!;
  }

  async deleteActionItem(id: string): Promise<void> {
    const deleted = await this.ctx.db('action_items').where({ id }).delete();
    if (deleted === 0) {
      throw new NotFoundError(`Action item ${id} not found`);
    }
  }

  /** Action items of live postmortems, with the postmortem's title and refs. */
  private joined(db: Knex | Knex.Transaction) {
    return db('action_items as a')
      .join('postmortems as p', 'p.id', 'a.postmortem_id')
      .whereNull('p.deleted_at')
      .select('a.*', 'p.title as postmortem_title', 'p.entity_refs');
  }
}
