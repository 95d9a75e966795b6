import { DateTime } from 'luxon';
import {
  ALICE,
  EVERY_CANDIDATE,
  databases,
  postmortem,
  useTestStores,
} from '../__testUtils__/stores';
import {
  rankSuggestions,
  readRecentlySince,
  score,
  suggestPicks,
  suggestionBound,
} from './suggestions';
import { random } from '../__testUtils__/random';

jest.setTimeout(180_000);

const GROUP = 'group:default/sre';
const DAY = 86_400_000;

const NOW = new Date('2026-11-20T01:00:00.000Z');

describe.each(databases.eachSupportedId())(
  'suggestions from the database on %p',
  databaseId => {
    const { stores, setNow } = useTestStores(databaseId);

    it('rank as ranking every candidate in memory does, and the bound is never below a score', async () => {
      const r = random(7);
      const ids: string[] = [];
      for (let i = 0; i < 90; i++) {
        const started = NOW.getTime() - Math.floor(r.next() * 4 * 365) * DAY;
        const minutes = Math.floor(r.next() * 900);
        const created = await stores.postmortems.createPostmortem(
          postmortem({
            title: `Incident ${i}`,
            status: r.next() < 0.85 ? 'published' : 'draft',
            severity: r.pick(['sev1', 'sev2', 'sev3', 'sev4'] as const),
            entityRefs: [
              `component:default/service-${Math.floor(r.next() * 12)}`,
            ],
            startedAt: new Date(started).toISOString(),
            detectedAt: null,
            mitigatedAt:
              r.next() < 0.7
                ? new Date(started + minutes * 60_000).toISOString()
                : null,
            resolvedAt:
              r.next() < 0.5
                ? new Date(started + minutes * 2 * 60_000).toISOString()
                : null,
          }),
          ALICE,
        );
        ids.push(created.id);
        const items = Math.floor(r.next() * 5);
        for (let j = 0; j < items; j++) {
          await stores.actionItems.createActionItem(
            created.id,
            {
              title: `Item ${j}`,
              status: r.pick(['open', 'in_progress', 'done', 'wont_do']),
              dueDate:
                r.next() < 0.8
                  ? new Date(
                      NOW.getTime() + Math.floor((r.next() - 0.6) * 90) * DAY,
                    )
                      .toISOString()
                      .slice(0, 10)
                  : undefined,
            },
            ALICE,
          );
        }
      }
      for (let i = 0; i < 25; i++) {
        await stores.readingSessions.createReadingSession(
          {
            ownerGroup: r.pick([GROUP, 'group:default/billing-team']),
            scheduledAt: new Date(
              NOW.getTime() - Math.floor(r.next() * 700) * DAY,
            ).toISOString(),
            postmortemId: r.pick(ids),
            status: 'held',
          },
          ALICE,
        );
      }
      await stores.readingSessions.createReadingSession(
        {
          ownerGroup: GROUP,
          scheduledAt: new Date(NOW.getTime() + 10 * DAY).toISOString(),
          postmortemId: ids[3],
        },
        ALICE,
      );

      for (const [at, timezone] of [
        [NOW, 'Asia/Tokyo'],
        [new Date('2026-11-30T16:00:00.000Z'), 'Asia/Tokyo'],
        [new Date('2027-01-01T07:30:00.000Z'), 'America/Los_Angeles'],
      ] as const) {
        setNow(at);
        const now = DateTime.fromJSDate(at, { zone: timezone });
        const bound = suggestionBound(now);
        const everything = await stores.readingSessions.suggestionCandidates(
          GROUP,
          { ...EVERY_CANDIDATE, bound },
        );
        for (const candidate of everything.postmortems) {
          expect({
            id: candidate.id,
            bound: Math.max(
              candidate.bound,
              score(candidate, everything, now).score,
            ),
          }).toEqual({ id: candidate.id, bound: candidate.bound });
        }
        const inMemory = rankSuggestions(everything, {
          now: at,
          timezone,
          limit: 5,
        });
        for (const batchSize of [3, 50]) {
          const fromDatabase = await suggestPicks(
            (offset, limit) =>
              stores.readingSessions.suggestionCandidates(GROUP, {
                bound,
                readSince: readRecentlySince(now),
                exclude: [],
                offset,
                limit,
              }),
            { now: at, timezone, limit: 5, batchSize },
          );
          expect(fromDatabase).toEqual(
            inMemory.map(ranked => {
              const { bound: _, ...p } =
                ranked.postmortem as typeof ranked.postmortem & {
                  bound: number;
                };
              return { ...ranked, postmortem: p };
            }),
          );
          expect(fromDatabase).toHaveLength(5);
        }
      }
    });
  },
);
