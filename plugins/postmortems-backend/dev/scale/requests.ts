import { Knex } from 'knex';
import { encodeCursor } from '../../src/database/paging';
import { BASE_URL } from './backend';
import { BUSY_ENTITY, GROUP, GROUP_MEMBERS, Seeded } from './seed';

/*
 * The requests the frontend's pages send (plugins/postmortems: the
 * PostmortemsClient calls of each component), as URLs. A request with
 * several URLs is a group the page sends in parallel.
 */

/** One measured request: one URL, or several sent together. */
export interface PageRequest {
  name: string;
  urls: string[];
  /** Done before each sample, not timed. */
  before?: () => Promise<void>;
  /** Each sample is the second of two sends in a row (the first not timed). */
  again?: true;
}

/** The catalog's own entity lookup, the yardstick of every ratio. */
export const CATALOG_LOOKUP = 'catalog: GET entities/by-name (yardstick)';

const api = (path: string, query: [string, string][] = []) => {
  const search = new URLSearchParams(query).toString();
  return `${BASE_URL}/api/postmortems${path}${search ? `?${search}` : ''}`;
};

const entity: [string, string] = ['entityRef', BUSY_ENTITY];

/**
 * What `group:default/billing-team` owns in examples/entities.yaml (the
 * busiest entity among them): the entities the Insights page of the team
 * resolves from the catalog and sends.
 */
const TEAM_ENTITIES = [
  'system:default/billing',
  BUSY_ENTITY,
  'component:default/billing-batch-worker',
  'component:default/customer-portal',
];
const open: [string, string][] = [
  ['status', 'open'],
  ['status', 'in_progress'],
];
const done: [string, string][] = [
  ['status', 'done'],
  ['status', 'wont_do'],
];

/**
 * What a write to a scope does to the insights the backend keeps: the
 * scope's version (`insights_versions`) moves on, so the next request
 * computes its answer anew.
 */
function versionBump(knex: Knex, scope: string) {
  return async () => {
    const updated = await knex('insights_versions')
      .where({ scope })
      .increment('version', 1);
    if (!updated) await knex('insights_versions').insert({ scope, version: 1 });
  };
}

/**
 * The insights of a scope computed (after a write to `written`), and the
 * same asked again right after, answered from what the backend kept.
 */
function insightsRequests(
  scope: string,
  query: [string, string][],
  written: string,
  knex: Knex,
): PageRequest[] {
  const url = api('/insights', query);
  return [
    {
      name: `insights: ${scope}`,
      urls: [url],
      before: versionBump(knex, written),
    },
    { name: `insights: ${scope}, asked again`, urls: [url], again: true },
  ];
}

/**
 * A cursor deep in the standalone list: the sort key of the postmortem
 * in the middle of the newest-first order, encoded as the API encodes it.
 */
async function deepCursor(knex: Knex, count: number): Promise<string> {
  const row = await knex('postmortems')
    .whereNull('deleted_at')
    .orderBy([
      { column: 'started_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .offset(Math.floor(count / 2))
    .first('id', 'started_at');
  return encodeCursor({
    startedAt: new Date(row.started_at).toISOString(),
    id: row.id,
  });
}

/** Every request of the pages, with the URLs for this seeded database. */
export async function pageRequests(
  knex: Knex,
  seeded: Seeded,
): Promise<PageRequest[]> {
  const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const pm = encodeURIComponent(seeded.samplePostmortemId);
  const owners = [GROUP, ...GROUP_MEMBERS].map(
    o => ['owner', o] as [string, string],
  );
  // EntityPostmortemsCard: four requests in Promise.all.
  const card = [
    api('/postmortems', [entity, ['limit', '1']]),
    api('/postmortems', [entity, ['from', since], ['limit', '1']]),
    api('/action-items', [entity, ...open, ['limit', '1']]),
    api('/action-items', [entity, ['overdue', 'true'], ['limit', '1']]),
  ];
  // ActionItemList's quick-filter counts (useActionItemCounts), in parallel.
  const counts = (base: [string, string][]) => [
    api('/action-items', [...base, ...open, ['limit', '1']]),
    api('/action-items', [...base, ['overdue', 'true'], ['limit', '1']]),
    api('/action-items', [...base, ...done, ['limit', '1']]),
  ];
  const search = (q: string) =>
    api('/postmortems', [
      ['q', q],
      ['limit', '20'],
    ]);
  const requests: PageRequest[] = [
    {
      name: CATALOG_LOOKUP,
      urls: [
        `${BASE_URL}/api/catalog/entities/by-name/component/default/seikyu-kanri-robo`,
      ],
    },
    {
      name: 'entity Postmortems tab (busiest entity, 20)',
      urls: [api('/postmortems', [entity, ['limit', '20']])],
    },
    ...card.map((url, i) => ({
      name: `overview card request ${i + 1}/4`,
      urls: [url],
    })),
    { name: 'overview card (4 in parallel)', urls: card },
    {
      name: 'entity Action items tab (open, 100)',
      urls: [api('/action-items', [entity, ...open, ['limit', '100']])],
    },
    {
      name: 'entity Action items tab counts (3 in parallel)',
      urls: counts([entity]),
    },
    {
      name: "team's Action items (open, 100)",
      urls: [api('/action-items', [...owners, ...open, ['limit', '100']])],
    },
    {
      name: "team's Action items counts (3 in parallel)",
      urls: counts(owners),
    },
    {
      name: 'standalone list, first page (20)',
      urls: [api('/postmortems', [['limit', '20']])],
    },
    {
      name: 'standalone list, deep cursor (20)',
      urls: [
        api('/postmortems', [
          ['limit', '20'],
          ['cursor', await deepCursor(knex, seeded.postmortems)],
        ]),
      ],
    },
    { name: 'postmortem page: postmortem', urls: [api(`/postmortems/${pm}`)] },
    { name: 'postmortem page: templates', urls: [api('/templates')] },
    {
      name: 'postmortem page: action items (100)',
      urls: [api(`/postmortems/${pm}/action-items`, [['limit', '100']])],
    },
    {
      name: 'postmortem page: revisions',
      urls: [api(`/postmortems/${pm}/revisions`)],
    },
    {
      name: 'home card: current session',
      urls: [api('/reading-sessions/current', [['ownerGroup', GROUP]])],
    },
    {
      name: 'home card: suggestions (3)',
      urls: [
        api('/reading-sessions/suggestions', [
          ['ownerGroup', GROUP],
          ['limit', '3'],
        ]),
      ],
    },
    // The Insights pages: the last twelve months (the default range),
    // computed after a write to the scope (which moves its version on, as
    // every write that changes its counts does), and asked again.
    ...insightsRequests(
      'service (busiest entity)',
      [entity],
      BUSY_ENTITY,
      knex,
    ),
    ...insightsRequests(
      "team (billing-team's 4 entities)",
      TEAM_ENTITIES.map(ref => ['entityRef', ref] as [string, string]),
      BUSY_ENTITY,
      knex,
    ),
    ...insightsRequests('portal', [], '', knex),
    { name: 'search q=滞留', urls: [search('滞留')] },
    { name: 'search q=証明書の期限切れ', urls: [search('証明書の期限切れ')] },
    { name: 'search q=deadlock', urls: [search('deadlock')] },
  ];
  return requests;
}
