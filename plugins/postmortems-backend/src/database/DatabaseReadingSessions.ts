import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@backstage/errors';
import {
  Page,
  ReadingSession,
} from '@postmortems/backstage-plugin-postmortems-common';
import {
  compact,
  parseJson,
  toDate,
  toIso,
  toNumber,
  toOptionalIso,
} from './conversions';
import { suggestionBoundSql } from './suggestionBound';
import {
  decodeCursor,
  DEFAULT_LIMIT,
  cursorDate,
  fetchPage,
  whereOlderThan,
} from './paging';
import { loadDecorations } from './decoratePostmortems';
import {
  ReadingSessionFilter,
  ReadingSessionInput,
  SuggestionCandidatesBatch,
  SuggestionCandidatesRequest,
  ReadingSessionsStore,
} from '@postmortems/backstage-plugin-postmortems-node';
import {
  Row,
  checkVersion,
  readingSessionColumns,
  rowToReadingSession,
} from './rows';
import { StoreContext } from './StoreContext';
import { trackInsights } from './insights/rollups/maintain';
import { conditionalUpdate, createdColumns } from './writes';

/**
 * Reading sessions in the table `reading_sessions`, and what ranking the
 * next pick of a group needs to know about its past sessions.
 */
export class DatabaseReadingSessions implements ReadingSessionsStore {
  constructor(private readonly ctx: StoreContext) {}

  async createReadingSession(
    input: ReadingSessionInput,
    by: string,
  ): Promise<ReadingSession> {
    const id = randomUUID();
    await this.ctx.write(tx =>
      trackInsights(tx, this.ctx.timezone, [input.postmortemId], async () => {
        await tx('reading_sessions').insert(this.newRow(id, input, by));
      }),
    );
    return (await this.getReadingSession(id))!;
  }

  async createReadingSessions(
    inputs: ReadingSessionInput[],
    by: string,
  ): Promise<ReadingSession[]> {
    if (inputs.length === 0) return [];
    const ids = inputs.map(() => randomUUID());
    await this.ctx.write(tx =>
      trackInsights(
        tx,
        this.ctx.timezone,
        inputs.map(input => input.postmortemId),
        async () => {
          for (const [i, input] of inputs.entries()) {
            await tx('reading_sessions').insert(this.newRow(ids[i], input, by));
          }
        },
      ),
    );
    const rows = await this.ctx.db('reading_sessions').whereIn('id', ids);
    const byId = new Map(rows.map((row: Row) => [row.id, row]));
    return ids.map(id => rowToReadingSession(byId.get(id)!));
  }

  private newRow(id: string, input: ReadingSessionInput, by: string): Row {
    return {
      id,
      ...readingSessionColumns(input),
      duration_minutes: input.durationMinutes ?? 30,
      status: input.status ?? 'planned',
      participants: JSON.stringify(input.participants ?? []),
      ...(input.seriesId ? { series_id: input.seriesId } : {}),
      ...createdColumns(this.ctx.clock(), by),
    };
  }

  async getReadingSession(id: string): Promise<ReadingSession | undefined> {
    const row = await this.ctx.db('reading_sessions').where({ id }).first();
    return row ? rowToReadingSession(row) : undefined;
  }

  async listReadingSessions(
    filter: ReadingSessionFilter,
  ): Promise<Page<ReadingSession>> {
    const { db } = this.ctx;
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const base = () => {
      const query = db('reading_sessions');
      if (filter.ownerGroup) {
        query.where('owner_group', filter.ownerGroup);
      }
      if (filter.status) {
        query.where('status', filter.status);
      }
      if (filter.seriesId) {
        query.where('series_id', filter.seriesId);
      }
      if (filter.from) {
        query.where('scheduled_at', '>=', toDate(filter.from));
      }
      if (filter.to) {
        query.where('scheduled_at', '<', toDate(filter.to));
      }
      return query;
    };
    const rows = base()
      .select('*')
      .orderBy([
        { column: 'scheduled_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor, ['scheduledAt', 'id'] as const);
      whereOlderThan(rows, 'scheduled_at', 'id', {
        at: cursorDate(after.scheduledAt),
        id: after.id,
      });
    }
    return fetchPage({
      db,
      rows,
      all: base(),
      limit,
      toItems: page => page.map(rowToReadingSession),
      cursorOf: last => ({ scheduledAt: last.scheduledAt, id: last.id }),
    });
  }

  async updateReadingSession(
    id: string,
    expectedVersion: number,
    patch: Partial<ReadingSessionInput>,
    by: string,
  ): Promise<ReadingSession> {
    await this.ctx.write(async tx => {
      const current = await tx('reading_sessions').where({ id }).first();
      if (!current) {
        throw new NotFoundError(`Reading session ${id} not found`);
      }
      checkVersion(current, expectedVersion, 'Reading session');
      const columns: Row = {
        ...readingSessionColumns(patch),
        updated_at: this.ctx.clock(),
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
      // Whether its pick was read (held) counts in insights: the old pick's
      // and the new one's.
      await trackInsights(
        tx,
        this.ctx.timezone,
        [current.postmortem_id, patch.postmortemId],
        () =>
          conditionalUpdate(
            tx,
            'reading_sessions',
            id,
            expectedVersion,
            columns,
          ),
      );
    });
    return (await this.getReadingSession(id))!;
  }

  /**
   * One batch of a group's candidates in the order of the bound, which the
   * database computes from columns the writes keep (see the migration
   * `20261202000000_scale_lookups`): no action item is grouped and no row
   * beyond the batch is read into memory. Only the batch gets its exact
   * counts and readings, and only the top few are later loaded whole.
   */
  async suggestionCandidates(
    ownerGroup: string,
    request: SuggestionCandidatesRequest,
  ): Promise<SuggestionCandidatesBatch> {
    const { db } = this.ctx;
    const upcoming = () =>
      db('reading_sessions')
        .where({ owner_group: ownerGroup, status: 'planned' })
        .where('scheduled_at', '>=', this.ctx.clock())
        .whereNotNull('postmortem_id')
        .select('postmortem_id');
    const query = db('postmortems as p')
      .whereNull('p.deleted_at')
      .where('p.status', 'published')
      .whereNotIn('p.id', upcoming())
      .whereNotIn(
        'p.id',
        db('reading_sessions')
          .where('status', 'held')
          .where('scheduled_at', '>', request.readSince)
          .whereNotNull('postmortem_id')
          .select('postmortem_id'),
      );
    if (request.exclude.length) {
      query.whereNotIn('p.id', request.exclude);
    }
    // The order comes from the ranking index alone (every column the bound
    // reads, see the migration); the rest of the batch is read by id.
    const [ranked, picked, covered] = await Promise.all([
      query
        .select(
          'p.id',
          db.raw('(?) AS suggestion_bound', [
            suggestionBoundSql(db, request.bound),
          ]),
        )
        .orderByRaw('suggestion_bound DESC')
        .orderBy([
          { column: 'p.started_at', order: 'asc' },
          { column: 'p.id', order: 'asc' },
        ])
        .offset(request.offset)
        .limit(request.limit),
      upcoming(),
      db('reading_sessions as s')
        .join('postmortem_entities as e', 'e.postmortem_id', 's.postmortem_id')
        .where({ 's.owner_group': ownerGroup, 's.status': 'held' })
        .groupBy('e.entity_ref')
        .select('e.entity_ref', db.raw('MAX(s.scheduled_at) AS last_at')),
    ]);
    const ids = ranked.map((row: Row) => row.id as string);
    const details = new Map<string, Row>(
      (ids.length
        ? await db('postmortems')
            .whereIn('id', ids)
            .select(
              'id',
              'severity',
              'started_at',
              'mitigated_at',
              'resolved_at',
              'entity_refs',
            )
        : []
      ).map((row: Row) => [row.id, row]),
    );
    // One deleted in between is left out.
    const rows = ranked
      .filter((row: Row) => details.has(row.id))
      .map((row: Row) => ({
        ...details.get(row.id)!,
        suggestion_bound: row.suggestion_bound,
      }));
    const decorationOf = await loadDecorations(this.ctx, ids);
    return {
      postmortems: rows.map((row: Row) => ({
        ...compact({
          id: row.id,
          severity: row.severity,
          startedAt: toIso(row.started_at),
          mitigatedAt: toOptionalIso(row.mitigated_at),
          resolvedAt: toOptionalIso(row.resolved_at),
          entityRefs: parseJson<string[]>(row.entity_refs, []),
          ...decorationOf(row.id),
        }),
        bound: toNumber(row.suggestion_bound),
      })),
      more: ranked.length === request.limit,
      pickedForUpcoming: picked.map((r: Row) => r.postmortem_id),
      lastCoveredAt: Object.fromEntries(
        covered.map((r: Row) => [r.entity_ref, toIso(r.last_at)]),
      ),
    };
  }
}
