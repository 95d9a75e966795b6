import { Postmortem } from '@postmortems/backstage-plugin-postmortems-common';
import { DateTime } from 'luxon';
import { rankSuggestions, score, upperBound } from './suggestions';

const NOW = new Date('2026-11-20T01:00:00.000Z'); // 10:00 in Tokyo

function postmortem(
  id: string,
  overrides: Partial<Postmortem> = {},
): Postmortem {
  return {
    id,
    title: id,
    entityRefs: [`component:default/${id}`],
    status: 'published',
    severity: 'sev4',
    detection: 'monitoring_alert',
    startedAt: '2026-11-01T00:00:00.000Z',
    template: 'sre-book',
    sections: {},
    timeline: [],
    tags: [],
    authors: [],
    createdAt: '2026-11-02T00:00:00.000Z',
    createdBy: 'user:default/hanako.yamada',
    updatedAt: '2026-11-02T00:00:00.000Z',
    updatedBy: 'user:default/hanako.yamada',
    version: 1,
    actionItemCounts: { open: 0, overdue: 0, done: 0, total: 0 },
    readings: { count: 0 },
    ...overrides,
  };
}

const candidates = {
  postmortems: [
    postmortem('recent-minor', {
      actionItemCounts: { open: 1, overdue: 0, done: 0, total: 1 },
    }),
    postmortem('aaa-twin-of-recent-minor', {
      entityRefs: ['component:default/recent-minor'],
      actionItemCounts: { open: 1, overdue: 0, done: 0, total: 1 },
    }),
    postmortem('read-last-month', {
      severity: 'sev3',
      startedAt: '2026-10-01T00:00:00.000Z',
      entityRefs: ['component:default/customer-portal'],
      readings: { count: 1, lastReadAt: '2026-10-15T06:00:00.000Z' },
    }),
    postmortem('read-long-ago', {
      severity: 'sev2',
      startedAt: '2026-08-01T00:00:00.000Z',
      mitigatedAt: '2026-08-01T00:30:00.000Z',
      entityRefs: ['component:default/payment-gateway'],
      readings: { count: 2, lastReadAt: '2025-06-10T06:00:00.000Z' },
    }),
    postmortem('queue-backlog', {
      severity: 'sev1',
      startedAt: '2024-11-05T01:00:00.000Z',
      mitigatedAt: '2024-11-05T03:00:00.000Z',
      resolvedAt: '2024-11-05T04:00:00.000Z',
      entityRefs: [
        'component:default/customer-portal',
        'component:default/seikyu-kanri-robo',
      ],
      actionItemCounts: { open: 2, overdue: 1, done: 3, total: 5 },
    }),
    postmortem('already-picked', { severity: 'sev1' }),
  ],
  pickedForUpcoming: ['already-picked'],
  lastCoveredAt: {
    'component:default/customer-portal': '2026-10-15T06:00:00.000Z',
    'component:default/payment-gateway': '2026-01-10T06:00:00.000Z',
  },
};

describe('rankSuggestions', () => {
  it('ranks by the documented weights and says why, the same every time', () => {
    const options = { now: NOW, timezone: 'Asia/Tokyo', limit: 10 };
    const ranked = rankSuggestions(candidates, options);

    expect(ranked.map(s => [s.postmortem.id, s.score])).toEqual([
      ['queue-backlog', 30 + 6 + 25 + 10 + 10 + 12 + 10 + 15],
      ['aaa-twin-of-recent-minor', 25 + 5 + 10],
      ['recent-minor', 25 + 5 + 10],
      ['read-long-ago', 20 + 10 + 1 + 5],
    ]);
    // Heaviest first; the anniversary stands for the age (its 12 points
    // still count, "over 24 months old" is not said beside it).
    expect(ranked[0].reasons).toEqual([
      { code: 'severity', severity: 'sev1' },
      { code: 'never_read' },
      { code: 'anniversary', years: 2 },
      { code: 'overdue_action_items', count: 1 },
      { code: 'open_action_items', count: 2 },
      {
        code: 'service_not_covered',
        entityRef: 'component:default/seikyu-kanri-robo',
      },
      { code: 'long_impact', minutes: 180 },
    ]);
    expect(ranked[2].reasons).toEqual([
      { code: 'never_read' },
      {
        code: 'service_not_covered',
        entityRef: 'component:default/recent-minor',
      },
      { code: 'open_action_items', count: 1 },
    ]);
    expect(ranked[3].reasons).toEqual([
      { code: 'severity', severity: 'sev2' },
      {
        code: 'read_long_ago',
        lastReadAt: '2025-06-10T06:00:00.000Z',
        months: 17,
      },
      {
        code: 'service_not_covered',
        entityRef: 'component:default/payment-gateway',
        months: 10,
      },
      { code: 'older_incident', months: 3 },
    ]);

    expect(rankSuggestions(candidates, options)).toEqual(ranked);
    expect(
      rankSuggestions(
        { ...candidates, postmortems: [...candidates.postmortems].reverse() },
        options,
      ),
    ).toEqual(ranked);
    expect(
      rankSuggestions(candidates, { ...options, limit: 2 }).map(
        s => s.postmortem.id,
      ),
    ).toEqual(['queue-backlog', 'aaa-twin-of-recent-minor']);
  });

  it('leaves out what was read in the last six months and what another planned session picked', () => {
    const options = { now: NOW, timezone: 'Asia/Tokyo', limit: 10 };
    const ids = rankSuggestions(
      {
        ...candidates,
        postmortems: [
          ...candidates.postmortems,
          postmortem('read-seven-months-ago', {
            readings: { count: 1, lastReadAt: '2026-04-15T06:00:00.000Z' },
          }),
        ],
      },
      options,
    ).map(s => s.postmortem.id);
    expect(ids).not.toContain('read-last-month');
    expect(ids).not.toContain('already-picked');
    expect(ids).toContain('read-seven-months-ago');
  });

  it('sees the anniversary in the month of the configured time zone', () => {
    // 1 November 01:00 in Tokyo is still October in UTC.
    const pm = postmortem('tokyo-night', {
      startedAt: '2025-10-31T16:00:00.000Z',
    });
    const input = {
      postmortems: [pm],
      pickedForUpcoming: [],
      lastCoveredAt: {},
    };
    const reasons = (timezone: string) =>
      rankSuggestions(input, { now: NOW, timezone, limit: 1 })[0].reasons;
    expect(reasons('Asia/Tokyo')).toContainEqual({
      code: 'anniversary',
      years: 1,
    });
    expect(reasons('UTC').map(r => r.code)).not.toContain('anniversary');
  });
});

describe('rankSuggestions on many candidates', () => {
  // A small deterministic generator, so a failure can be replayed.
  function random(seed: number) {
    let state = seed;
    return (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      // The high bits: the low ones of this generator repeat quickly.
      return Math.floor((state / 2147483648) * n);
    };
  }

  function generate(seed: number) {
    const next = random(seed);
    const at = (ms: number) => new Date(ms).toISOString();
    const entity = () => `component:default/service-${next(12)}`;
    const postmortems = Array.from({ length: 400 }, (_, i) => {
      // Up to six years back, some a little in the future; whole minutes,
      // half minutes and odd seconds, to meet every rounding edge.
      // Half of them a whole number of calendar months back, give or take
      // some hours, where month counting in a time zone is most delicate.
      const startedAt = next(2)
        ? NOW.getTime() -
          next(6 * 366) * 86_400_000 +
          next(48) * 3_600_000 -
          next(4) * 30_000
        : Date.UTC(
            NOW.getUTCFullYear(),
            NOW.getUTCMonth() - next(40),
            NOW.getUTCDate() + next(3) - 1,
            NOW.getUTCHours() + next(31) - 15,
          );
      const impact = [0, 59, 60, 89.5, 90, 179.99, 600, 3000][next(8)] * 60_000;
      const read = next(3) === 0;
      const open = next(4);
      return postmortem(`pm-${String(i).padStart(3, '0')}`, {
        severity: (['sev1', 'sev2', 'sev3', 'sev4'] as const)[next(4)],
        startedAt: at(startedAt),
        mitigatedAt: next(2) ? at(startedAt + impact) : undefined,
        resolvedAt: next(3) === 0 ? at(startedAt + impact * 2) : undefined,
        entityRefs: Array.from({ length: next(3) }, entity),
        actionItemCounts: {
          open,
          overdue: next(open + 1),
          done: 0,
          total: open,
        },
        readings: read
          ? {
              count: 1 + next(3),
              lastReadAt: at(NOW.getTime() - next(800) * 86_400_000),
            }
          : { count: 0 },
      });
    });
    return {
      postmortems,
      pickedForUpcoming: postmortems
        .filter(() => next(20) === 0)
        .map(p => p.id),
      lastCoveredAt: Object.fromEntries(
        Array.from({ length: 8 }, () => [
          entity(),
          at(NOW.getTime() - next(400) * 86_400_000),
        ]),
      ),
    };
  }

  const zones = [
    'Asia/Tokyo',
    'UTC',
    'America/New_York',
    'Europe/Berlin',
    'Pacific/Apia',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
  ];
  const nows = [
    NOW,
    new Date('2026-03-29T00:30:00.000Z'),
    new Date('2026-12-31T23:59:59.000Z'),
  ];

  it.each(zones)(
    'never scores above the cheap upper bound, in %s',
    timezone => {
      const under: string[] = [];
      for (const seed of [1, 2, 3, 4, 5]) {
        for (const at of nows) {
          const input = generate(seed);
          const now = DateTime.fromJSDate(at, { zone: timezone });
          // Without entities and readings, whose bounds are loose, the
          // calendar terms have no slack to hide behind.
          const tight = input.postmortems.map(p => ({
            ...p,
            entityRefs: [],
            readings: { count: 0 },
          }));
          for (const p of [...input.postmortems, ...tight]) {
            const exact = score(p, input, now).score;
            if (upperBound(p, now) < exact) {
              under.push(`${p.id} ${p.startedAt} at ${at.toISOString()}`);
            }
          }
        }
      }
      expect(under).toEqual([]);
    },
  );

  it.each(zones)('gives the top of the full ranking, in %s', timezone => {
    for (const seed of [1, 2, 3]) {
      for (const now of nows) {
        const input = generate(seed);
        const options = { now, timezone, limit: input.postmortems.length };
        const all = rankSuggestions(input, options);
        for (const limit of [1, 5, 20, 100, 250]) {
          expect(rankSuggestions(input, { ...options, limit })).toEqual(
            all.slice(0, limit),
          );
        }
      }
    }
  });
});
