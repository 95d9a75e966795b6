import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  DatabaseService,
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { sreBookTemplate } from '@postmortems/backstage-plugin-postmortems-common';
import express from 'express';
import { Knex } from 'knex';
import { PostmortemsStores } from '@postmortems/backstage-plugin-postmortems-node';
import { createDatabaseStores } from '../../src/database/createDatabaseStores';
import { createRouter } from '../../src/service/router';
import {
  BUSY_COMPONENT,
  GROUP,
  MISSING_TERM,
  RARE_TERM,
  Random,
  generateActionItems,
  generatePostmortem,
  generateReadingSessions,
} from './data';
import { Latency, forEachConcurrently, measure } from './measure';

const AUTHOR = 'user:default/bench';
const TIMEZONE = 'Asia/Tokyo';

/** How the seeding went. */
export interface SeedFigures {
  postmortems: number;
  actionItems: number;
  postmortemSeconds: number;
  actionItemSeconds: number;
  seconds: number;
}

/** Filled stores and the ids the measurements use. */
export interface Seeded {
  stores: PostmortemsStores;
  ids: string[];
  figures: SeedFigures;
}

/**
 * Fills the database through the stores, as the API would: postmortems with
 * their lookups and first revision, then their action items, with a few
 * writers at a time, then three years of the group's reading sessions.
 */
export async function seed(
  knex: Knex,
  options: { postmortems: number; concurrency: number },
): Promise<Seeded> {
  const database = {
    getClient: async () => knex,
  } as unknown as DatabaseService;
  const stores = await createDatabaseStores({
    database,
    timezone: TIMEZONE,
  });
  const random = new Random(20261123);
  const now = new Date();
  const inputs = Array.from({ length: options.postmortems }, (_, n) =>
    generatePostmortem(random, n, now),
  );
  const items = inputs.map(input => generateActionItems(random, input));

  const started = performance.now();
  const ids: string[] = new Array(inputs.length);
  await forEachConcurrently(inputs, options.concurrency, async (input, i) => {
    ids[i] = (await stores.postmortems.createPostmortem(input, AUTHOR)).id;
  });
  const postmortemsDone = performance.now();
  await forEachConcurrently(ids, options.concurrency, async (id, i) => {
    for (const item of items[i]) {
      await stores.actionItems.createActionItem(id, item, AUTHOR);
    }
  });
  const actionItemsDone = performance.now();

  const published = ids.filter((_, i) => inputs[i].status === 'published');
  for (const session of generateReadingSessions(random, published, now)) {
    await stores.readingSessions.createReadingSession(session, AUTHOR);
  }

  return {
    stores,
    ids,
    figures: {
      postmortems: ids.length,
      actionItems: items.reduce((sum, list) => sum + list.length, 0),
      postmortemSeconds: (postmortemsDone - started) / 1000,
      actionItemSeconds: (actionItemsDone - postmortemsDone) / 1000,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

/**
 * The plugin's router on a loopback port, with every request made by one
 * user and every permission allowed (neither is what is being measured).
 */
export async function startApi(
  stores: PostmortemsStores,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const credentials = {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: AUTHOR },
  };
  const logger: LoggerService = {
    error() {},
    warn() {},
    info() {},
    debug() {},
    child: () => logger,
  };
  // Audit events recorded nowhere: the benchmark measures the plugin.
  const auditor: AuditorService = {
    createEvent: async () => ({
      success: async () => {},
      fail: async () => {},
    }),
  };
  const router = await createRouter({
    auditor,
    httpAuth: {
      credentials: async () => credentials,
    } as unknown as HttpAuthService,
    permissions: {
      authorize: async (requests: unknown[]) =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    } as unknown as PermissionsService,
    logger,
    stores,
    templates: [sreBookTemplate],
    timezone: TIMEZONE,
  });
  const app = express().use('/api/postmortems', router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/postmortems`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}

/** Times the requests the frontend makes most. */
export async function measureApi(
  baseUrl: string,
  seeded: Seeded,
  runs: number,
): Promise<Latency[]> {
  const call = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`${method} ${path}: ${res.status} ${text}`);
    }
    return JSON.parse(text);
  };
  const page = async (path: string) => {
    const result = await call('GET', path);
    return `${result.items.length} of ${result.totalCount}`;
  };
  const q = encodeURIComponent;

  // The cursor of a page deep in the list: followed, not forged.
  const depth = Math.floor((seeded.ids.length * 0.8) / 100) * 100;
  let cursor: string | undefined;
  for (let offset = 0; offset < depth; offset += 100) {
    const result = await call(
      'GET',
      `/postmortems?limit=100${cursor ? `&cursor=${q(cursor)}` : ''}`,
    );
    cursor = result.nextCursor;
  }

  const latencies: Latency[] = [];
  const add = async (
    name: string,
    fn: (run: number) => Promise<string | void>,
    options?: { runs?: number },
  ) => {
    latencies.push(await measure(name, fn, { runs, ...options }));
  };

  await add('list newest first, first page', () =>
    page('/postmortems?limit=20'),
  );
  await add(`list newest first, page after item ${depth}`, () =>
    page(`/postmortems?limit=20${cursor ? `&cursor=${q(cursor)}` : ''}`),
  );
  await add('list by entityRef (busiest component)', () =>
    page(`/postmortems?limit=20&entityRef=${q(BUSY_COMPONENT)}`),
  );
  await add(`q=${RARE_TERM} (Japanese substring)`, () =>
    page(`/postmortems?limit=20&q=${q(RARE_TERM)}`),
  );
  await add(`q=${MISSING_TERM} (no match)`, () =>
    page(`/postmortems?limit=20&q=${q(MISSING_TERM)}`),
  );
  await add('action items overdue, across all', () =>
    page('/action-items?limit=20&overdue=true'),
  );
  await add(
    'reading-session suggestions for a group',
    async () => {
      const result = await call(
        'GET',
        `/reading-sessions/suggestions?ownerGroup=${q(GROUP)}&limit=5`,
      );
      return `${result.items.length} ranked`;
    },
    { runs: Math.min(runs, 20) },
  );

  // Each change goes to another postmortem, with the version it has now.
  const versions = new Map<string, number>();
  await add('PATCH a postmortem with its version', async run => {
    const id = seeded.ids[(run + 1000 * seeded.ids.length) % seeded.ids.length];
    const version = versions.get(id) ?? 1;
    const updated = await call('PATCH', `/postmortems/${id}`, {
      version,
      title: `更新 ${run}: ${id.slice(0, 8)}`,
    });
    versions.set(id, updated.version);
    return `version ${version} → ${updated.version}`;
  });
  return latencies;
}
