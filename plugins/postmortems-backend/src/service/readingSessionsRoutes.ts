import {
  CurrentReadingSessionResponse,
  conflictAt,
  ReadingSessionSuggestionsResponse,
  createReadingSessionRequestSchema,
  currentReadingSessionQuerySchema,
  idParamsSchema,
  listActionItemsQuerySchema,
  listReadingSessionsQuerySchema,
  readingSessionCreatePermission,
  readingSessionSuggestionsQuerySchema,
  readingSessionUpdatePermission,
  updateReadingSessionRequestSchema,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Router } from 'express';
import { DateTime } from 'luxon';
import {
  actionItemFilterOf,
  found,
  parse,
  principalRef,
  referenced,
} from './requests';
import { audited } from './audit';
import { RouteContext } from './RouteContext';
import {
  readRecentlySince,
  suggestPicks,
  suggestionBound,
} from './suggestions';

/** The calendar month of `at` in `timezone`, as a `from`/`to` filter. */
export function monthOf(at: Date | string, timezone: string) {
  const start = (
    typeof at === 'string'
      ? DateTime.fromISO(at, { zone: timezone })
      : DateTime.fromJSDate(at, { zone: timezone })
  ).startOf('month');
  return {
    month: start.toFormat('yyyy-MM'),
    from: start.toUTC().toISO()!,
    to: start.plus({ months: 1 }).toUTC().toISO()!,
  };
}

/**
 * What the reading session views read: the stores, the clock and the time
 * zone. The routes and the actions registry's actions answer with the same
 * functions.
 */
export type ReadingSessionViewContext = Pick<
  RouteContext,
  'stores' | 'clock' | 'timezone'
>;

/** The group's earliest planned session from `from` on, if any. */
async function nextPlanned(
  { stores }: ReadingSessionViewContext,
  ownerGroup: string,
  from: string,
) {
  const { items } = await stores.readingSessions.listReadingSessions({
    ownerGroup,
    status: 'planned',
    from,
    limit: 100,
  });
  return [...items].sort((a, b) =>
    a.scheduledAt.localeCompare(b.scheduledAt),
  )[0];
}

/**
 * The group's session of this month (in the configured time zone), its pick
 * with the pick's open action items, and the next planned one: the answer of
 * `GET /reading-sessions/current`.
 *
 * The month is the calendar month in the configured time zone: a session
 * at 00:30 on the 1st in Tokyo belongs to that month, although it is still
 * the previous month in UTC.
 */
export async function currentReadingSession(
  context: ReadingSessionViewContext,
  ownerGroup: string,
): Promise<CurrentReadingSessionResponse> {
  const { stores } = context;
  const { from, to } = monthOf(context.clock(), context.timezone);
  const { items } = await stores.readingSessions.listReadingSessions({
    ownerGroup,
    from,
    to,
    limit: 100,
  });
  // Several sessions in one month are rare; a cancelled one gives way to
  // any other, then the earliest wins.
  const [session] = [...items].sort(
    (a, b) =>
      Number(a.status === 'cancelled') - Number(b.status === 'cancelled') ||
      a.scheduledAt.localeCompare(b.scheduledAt),
  );
  const body: CurrentReadingSessionResponse = {
    session: session ?? null,
    timezone: context.timezone,
  };
  if (session?.postmortemId) {
    const postmortem = await stores.postmortems.getPostmortem(
      session.postmortemId,
    );
    if (postmortem) {
      body.postmortem = postmortem;
      body.actionItems = (
        await stores.actionItems.listActionItems({
          postmortemId: postmortem.id,
          statuses: ['open', 'in_progress'],
          limit: 100,
        })
      ).items;
    }
  }
  const next = await nextPlanned(context, ownerGroup, to);
  if (next) body.next = next;
  return body;
}

/**
 * The group's ranked candidates for a pick, best first (5 unless `limit`):
 * the answer of `GET /reading-sessions/suggestions`.
 */
export async function readingSessionSuggestions(
  context: ReadingSessionViewContext,
  ownerGroup: string,
  limit?: number,
): Promise<ReadingSessionSuggestionsResponse> {
  const { stores } = context;
  // Besides the picks of upcoming sessions, a pick of a planned session
  // earlier this month (its day passed, not yet marked held) is taken.
  const at = context.clock();
  const thisMonth = await stores.readingSessions.listReadingSessions({
    ownerGroup,
    status: 'planned',
    from: monthOf(at, context.timezone).from,
    limit: 100,
  });
  const now = DateTime.fromJSDate(at, { zone: context.timezone });
  const request = {
    bound: suggestionBound(now),
    readSince: readRecentlySince(now),
    exclude: thisMonth.items.flatMap(s =>
      s.postmortemId ? [s.postmortemId] : [],
    ),
  };
  const ranked = await suggestPicks(
    (offset, batchLimit) =>
      stores.readingSessions.suggestionCandidates(ownerGroup, {
        ...request,
        offset,
        limit: batchLimit,
      }),
    { now: at, timezone: context.timezone, limit: limit ?? 5 },
  );
  // Ranking saw a light projection; only the picks are loaded whole. One
  // deleted in between is left out rather than answered half.
  const loaded = await stores.postmortems.getPostmortems(
    ranked.map(s => s.postmortem.id),
  );
  const byId = new Map(loaded.map(p => [p.id, p]));
  return {
    items: ranked.flatMap(s => {
      const postmortem = byId.get(s.postmortem.id);
      return postmortem ? [{ ...s, postmortem }] : [];
    }),
  };
}

/** `/reading-sessions` and below. */
export function registerReadingSessionRoutes(
  router: Router,
  context: RouteContext,
) {
  const { stores } = context;

  /**
   * A group meets once a month: a second planned or held session in the
   * same month (in the configured time zone) is refused with a 409 that
   * names the month. A cancelled one makes room for another. Checked before
   * the write, not in its transaction: two people scheduling the same
   * month in the same instant is not what this guards against.
   */
  const checkOnePerMonth = async (session: {
    id?: string;
    ownerGroup: string;
    scheduledAt: string;
    status?: string;
  }) => {
    if (session.status === 'cancelled') return;
    const { month, from, to } = monthOf(session.scheduledAt, context.timezone);
    const { items } = await stores.readingSessions.listReadingSessions({
      ownerGroup: session.ownerGroup,
      from,
      to,
      limit: 100,
    });
    const other = items.find(
      s => s.id !== session.id && s.status !== 'cancelled',
    );
    if (other) {
      throw conflictAt(
        `${session.ownerGroup} already has a reading session in ${month} (${other.status}, ${other.scheduledAt}); cancel it or choose another month`,
        {
          field: 'scheduledAt',
          message: `the group already has a reading session in ${month}`,
          code: 'one_per_month',
          params: { month },
        },
      );
    }
  };

  router.get('/reading-sessions', async (req, res) => {
    const query = parse(listReadingSessionsQuerySchema, req.query);
    res.json(await stores.readingSessions.listReadingSessions(query));
  });

  router.post('/reading-sessions', async (req, res) => {
    await audited(
      context,
      req,
      res,
      {
        eventId: 'reading-session-mutate',
        actionType: 'create',
        permission: readingSessionCreatePermission,
      },
      async credentials => {
        const body = parse(createReadingSessionRequestSchema, req.body);
        await referenced(
          'postmortemId',
          body.postmortemId,
          pickId => stores.postmortems.getPostmortem(pickId),
          'postmortem',
        );
        await checkOnePerMonth(body);
        const created = await stores.readingSessions.createReadingSession(
          body,
          principalRef(credentials),
        );
        res.status(201).json(created);
        return { readingSessionId: created.id };
      },
    );
  });

  router.get('/reading-sessions/current', async (req, res) => {
    const { ownerGroup } = parse(currentReadingSessionQuerySchema, req.query);
    res.json(await currentReadingSession(context, ownerGroup));
  });

  router.get('/reading-sessions/suggestions', async (req, res) => {
    const { ownerGroup, limit } = parse(
      readingSessionSuggestionsQuerySchema,
      req.query,
    );
    res.json(await readingSessionSuggestions(context, ownerGroup, limit));
  });

  router.get('/reading-sessions/:id', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    res.json(
      found(
        await stores.readingSessions.getReadingSession(id),
        'Reading session',
        id,
      ),
    );
  });

  router.patch('/reading-sessions/:id', async (req, res) => {
    await audited(
      context,
      req,
      res,
      {
        eventId: 'reading-session-mutate',
        actionType: 'update',
        meta: { readingSessionId: req.params.id },
        permission: readingSessionUpdatePermission,
      },
      async credentials => {
        const { id } = parse(idParamsSchema, req.params);
        const { version, ...patch } = parse(
          updateReadingSessionRequestSchema,
          req.body,
        );
        if (patch.scheduledAt || patch.status || patch.ownerGroup) {
          const current = found(
            await stores.readingSessions.getReadingSession(id),
            'Reading session',
            id,
          );
          await checkOnePerMonth({
            id,
            ownerGroup: patch.ownerGroup ?? current.ownerGroup,
            scheduledAt: patch.scheduledAt ?? current.scheduledAt,
            status: patch.status ?? current.status,
          });
        }
        await referenced(
          'postmortemId',
          patch.postmortemId,
          pickId => stores.postmortems.getPostmortem(pickId),
          'postmortem',
        );
        res.json(
          await stores.readingSessions.updateReadingSession(
            id,
            version,
            patch,
            principalRef(credentials),
          ),
        );
      },
    );
  });

  router.get('/reading-sessions/:id/action-items', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    const query = parse(listActionItemsQuerySchema, req.query);
    found(
      await stores.readingSessions.getReadingSession(id),
      'Reading session',
      id,
    );
    res.json(
      await stores.actionItems.listActionItems({
        ...actionItemFilterOf(query),
        readingSessionId: id,
      }),
    );
  });
}
