import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  ActionItemInput,
  PostmortemInput,
} from '@postmortems/backstage-plugin-postmortems-node';
import {
  migrationsDir,
  migrationsTableName,
} from '../../src/database/migrations';
import {
  actionItemColumns,
  CLOSED_STATUSES,
  NO_DUE_DATE,
  postmortemColumns,
  Row,
  rowToPostmortem,
} from '../../src/database/rows';
import { createdColumns } from '../../src/database/writes';
import { random } from '../../src/__testUtils__/random';
import { engineOf } from '../../src/database/conversions';
import { buildInsightsRollups } from '../../src/database/insights/rollups/maintain';
import { ROLLUP_TABLES } from '../../src/database/insights/rollups/tally';

/** The zone of app-config.yaml (`postmortems.readingSessions.timezone`). */
const ROLLUP_TIMEZONE = 'Asia/Tokyo';

/*
 * Fills the plugin's tables through multi-row SQL inserts in transactions,
 * with the columns the store writes (its own row helpers, so `search_text`
 * is normalised the same way), fast enough for 100,000 postmortems.
 */

const DAY = 86_400_000;

/** The entity the most postmortems are about (an example entity). */
export const BUSY_ENTITY = 'component:default/seikyu-kanri-robo';
/** The team whose action items and reading sessions the pages show. */
export const GROUP = 'group:default/sre';
/** The members of GROUP in examples/org.yaml. */
export const GROUP_MEMBERS = [
  'user:default/hanako.yamada',
  'user:default/kenta.ito',
  'user:default/mei.kobayashi',
  'user:default/guest',
];
const EXAMPLE_ENTITIES = [
  BUSY_ENTITY,
  'component:default/billing-batch-worker',
  'component:default/customer-portal',
  'component:default/payment-gateway',
  'resource:default/billing-job-queue',
  'system:default/billing',
  'system:default/payments',
];
const SERVICES = Array.from(
  { length: 5000 - EXAMPLE_ENTITIES.length },
  (_, i) => `component:default/service-${String(i + 1).padStart(4, '0')}`,
);
const OWNERS = [
  GROUP,
  ...GROUP_MEMBERS,
  'group:default/billing-team',
  'group:default/payments-team',
  'user:default/taro.suzuki',
  'user:default/yui.nakamura',
  'user:default/sho.watanabe',
];
const GROUPS = [
  GROUP,
  'group:default/billing-team',
  'group:default/payments-team',
];

// Sentences of real-looking postmortems; the search terms appear in some.
const JA = [
  'リトライが集中し、請求書の作成が予定時刻に終わらなかった。',
  '外部連携の API 呼び出しが失敗した。',
  'デプロイ直後から接続数が増え、データベースの応答時間が悪化した。',
  '監視のしきい値が実態に合っておらず、アラートが鳴らなかった。',
  'お客様からの問い合わせで初めて事象に気づいた。',
  'ロールバックの手順が整備されていたので、復旧は早かった。',
  '同じ時間帯に別の作業が重なり、原因の切り分けに時間がかかった。',
  'バッチの実行時間が伸び、夜間処理が朝まで終わらなかった。',
  '設定ミスにより一部のリクエストが古いクラスタに送られた。',
  'ディスク容量の監視が無く、ログの書き込みが止まった。',
];
const EN = [
  'Two transactions took locks in opposite order on the invoices table.',
  'Connection counts rose right after the deploy and latency degraded.',
  'The alert threshold did not match real traffic, so nothing fired.',
  'A customer inquiry was the first sign of the incident.',
  'A rehearsed rollback made the recovery quick.',
  'Another change in the same window slowed down the diagnosis.',
  'The nightly batch ran past its window and delayed the reports.',
  'A misconfigured load balancer sent traffic to a drained node.',
];
const RARE_SENTENCES: [number, string][] = [
  [0.04, 'キューにジョブが滞留し、処理待ちが増え続けた。'],
  [0.02, '証明書の期限切れに誰も気づかなかった。'],
  [0.03, 'Two workers hit a deadlock on the invoices table.'],
];
const TITLES = [
  '請求バッチの遅延',
  'Payment API timeouts',
  '証明書の期限切れによる連携停止',
  'Deadlock in the billing database',
  'ジョブキューの滞留',
  'Customer portal outage',
  'DNS 設定ミスによる名前解決の失敗',
  'Disk full on the log servers',
];
const TAGS = [
  'batch',
  'database',
  'network',
  'deploy',
  'certificate',
  'queue',
  '外部サービス',
  '設定ミス',
];
const SECTION_KEYS = [
  'summary',
  'impact',
  'trigger',
  'rootCauses',
  'mitigation',
  'lessonsLearned',
];
const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
const DETECTIONS = [
  'customer_report',
  'monitoring_alert',
  'internal_discovery',
  'other',
] as const;
const ITEM_STATUSES = [
  'open',
  'in_progress',
  'done',
  'done',
  'wont_do',
] as const;
const PRIORITIES = ['high', 'medium', 'low'] as const;
const KINDS = ['mitigate', 'prevent', 'detect', 'process', 'other'] as const;

/** What was seeded, for the requests and the report. */
export interface Seeded {
  postmortems: number;
  actionItems: number;
  readingSessions: number;
  /** A postmortem about the busy entity, for the postmortem page. */
  samplePostmortemId: string;
  seconds: number;
  /** Of `seconds`, building the rollups of insights. */
  rollupSeconds: number;
}

/** Rows per INSERT: well under every engine's bound-parameter limit. */
const BATCH = 500;

async function insertAll(tx: Knex.Transaction, table: string, rows: Row[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx(table).insert(rows.slice(i, i + BATCH));
  }
}

function postmortemInput(
  r: ReturnType<typeof random>,
  at: Date,
): PostmortemInput {
  const refs = new Set<string>();
  if (r.next() < 0.1) refs.add(BUSY_ENTITY);
  if (r.next() < 0.1) refs.add(r.pick(EXAMPLE_ENTITIES));
  while (refs.size < 1 + Math.floor(r.next() * 2)) refs.add(r.pick(SERVICES));
  const sections = Object.fromEntries(
    SECTION_KEYS.map(key => [
      key,
      Array.from({ length: 2 }, () =>
        r.next() < 0.6 ? r.pick(JA) : r.pick(EN),
      ).join(' '),
    ]),
  );
  // The searched terms, each in a few percent of the postmortems.
  for (const [share, text] of RARE_SENTENCES) {
    if (r.next() < share) {
      const key = r.pick(SECTION_KEYS);
      sections[key] = `${sections[key]} ${text}`;
    }
  }
  const minutes = (n: number) =>
    new Date(at.getTime() + n * 60_000).toISOString();
  return {
    title: `${r.pick(TITLES)} (${at.toISOString().slice(0, 10)})`,
    entityRefs: [...refs],
    status:
      r.next() < 0.8 ? 'published' : r.pick(['draft', 'in_review'] as const),
    severity: r.pick(SEVERITIES),
    detection: r.pick(DETECTIONS),
    startedAt: at.toISOString(),
    detectedAt: minutes(5),
    mitigatedAt: minutes(40),
    resolvedAt: minutes(90),
    template: 'sre-book',
    sections,
    timeline: [
      { at: minutes(5), text: 'アラート発報 / alert fired' },
      { at: minutes(40), text: 'ロールバック完了 / rolled back' },
    ],
    tags: [r.pick(TAGS), r.pick(TAGS)].filter(
      (t, i, all) => all.indexOf(t) === i,
    ),
    authors: [r.pick(GROUP_MEMBERS)],
  };
}

function actionItemInput(
  r: ReturnType<typeof random>,
  now: Date,
): ActionItemInput {
  const due = new Date(
    now.getTime() + Math.floor((r.next() - 0.6) * 200) * DAY,
  );
  return {
    title:
      r.next() < 0.5
        ? 'リトライ間隔に上限を設ける'
        : 'Add an alert on queue depth',
    description: r.next() < 0.3 ? r.pick(JA) : undefined,
    owner: r.next() < 0.9 ? r.pick(OWNERS) : undefined,
    dueDate: r.next() < 0.85 ? due.toISOString().slice(0, 10) : undefined,
    status: r.pick(ITEM_STATUSES),
    priority: r.pick(PRIORITIES),
    kind: r.pick(KINDS),
  } as ActionItemInput;
}

/**
 * Migrates the empty database with the plugin's migrations, then writes
 * `count` postmortems (one `created` revision each, as the store writes),
 * about 10 action items each and about 1,000 reading sessions.
 */
export async function seed(
  knex: Knex,
  count: number,
  log: (message: string) => void,
): Promise<Seeded> {
  const started = Date.now();
  await knex.migrate.latest({
    directory: migrationsDir,
    tableName: migrationsTableName,
  });
  const r = random(14);
  const now = new Date();
  const by = 'user:default/guest';
  const span = 3 * 365 * DAY;
  const ids: string[] = [];
  let actionItems = 0;
  let samplePostmortemId = '';
  const chunk = 2000;
  for (let start = 0; start < count; start += chunk) {
    const postmortems: Row[] = [];
    const entities: Row[] = [];
    const tags: Row[] = [];
    const revisions: Row[] = [];
    const items: Row[] = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      const at = new Date(now.getTime() - span + Math.floor(r.next() * span));
      const input = postmortemInput(r, at);
      const id = randomUUID();
      const created = new Date(at.getTime() + DAY);
      const row: Row = {
        id,
        ...postmortemColumns(input),
        ...createdColumns(created, by),
        // What the store's refreshOpenItems keeps, counted below.
        open_items: 0,
      };
      postmortems.push(row);
      ids.push(id);
      if (!samplePostmortemId && input.entityRefs.includes(BUSY_ENTITY)) {
        samplePostmortemId = id;
      }
      entities.push(
        ...input.entityRefs.map(entity_ref => ({
          postmortem_id: id,
          entity_ref,
          started_at: row.started_at,
          deleted_at: null,
        })),
      );
      tags.push(...input.tags.map(tag => ({ postmortem_id: id, tag })));
      revisions.push({
        postmortem_id: id,
        version: 1,
        action: 'created',
        changed_at: created,
        changed_by: by,
        changed_fields: JSON.stringify(Object.keys(input)),
        snapshot: JSON.stringify(rowToPostmortem(row)),
      });
      const n = 5 + Math.floor(r.next() * 11);
      const openDues: string[] = [];
      for (let j = 0; j < n; j++) {
        const item = actionItemInput(r, now);
        const status = item.status ?? 'open';
        const isOpen = !CLOSED_STATUSES.includes(status);
        if (isOpen && item.dueDate) openDues.push(item.dueDate);
        items.push({
          id: randomUUID(),
          postmortem_id: id,
          ...actionItemColumns(item),
          description: item.description ?? null,
          owner: item.owner ?? null,
          due_date: item.dueDate ?? null,
          is_open: isOpen,
          due_key: item.dueDate ?? NO_DUE_DATE,
          completed_at: isOpen ? null : created,
          ...createdColumns(created, by),
        });
        if (isOpen) row.open_items += 1;
      }
      openDues.sort();
      row.first_open_due = openDues[0] ?? null;
      row.second_open_due = openDues[1] ?? null;
      actionItems += n;
    }
    await knex.transaction(async tx => {
      await insertAll(tx, 'postmortems', postmortems);
      await insertAll(tx, 'postmortem_entities', entities);
      await insertAll(tx, 'postmortem_tags', tags);
      await insertAll(tx, 'postmortem_revisions', revisions);
      await insertAll(tx, 'action_items', items);
    });
    if ((start / chunk) % 10 === 9) {
      log(`  ${start + chunk} postmortems, ${actionItems} action items`);
    }
  }

  // About 1,000 reading sessions, monthly per team back in time, picks set;
  // plus the team's next session without a pick, so the home card asks for
  // suggestions.
  const sessions: Row[] = [];
  for (let i = 0; i < 1000; i++) {
    const at = new Date(now.getTime() - (i + 1) * 3 * DAY);
    sessions.push(
      sessionRow(GROUPS[i % GROUPS.length], at, 'held', r.pick(ids), by),
    );
  }
  sessions.push(
    sessionRow(GROUP, new Date(now.getTime() + 7 * DAY), 'planned', null, by),
  );
  await knex.transaction(tx => insertAll(tx, 'reading_sessions', sessions));
  // Statistics for the planner now, as autovacuum would gather them some
  // minutes after a bulk load: without them PostgreSQL plans for empty
  // tables (an entity's open items took over a minute at 100,000), and
  // without its visibility map it reads the table for an index-only scan.
  await analyze(knex);
  // The rollups of insights, in the example app's zone, as the backend's
  // hourly task would build them after it starts; then their statistics.
  const rollupsStarted = Date.now();
  await buildInsightsRollups(knex, ROLLUP_TIMEZONE);
  const rollupSeconds = (Date.now() - rollupsStarted) / 1000;
  log(`  insights rollups built in ${rollupSeconds.toFixed(0)} s`);
  await analyze(knex, ROLLUP_TABLES);
  return {
    postmortems: count,
    actionItems,
    readingSessions: sessions.length,
    samplePostmortemId,
    seconds: (Date.now() - started) / 1000,
    rollupSeconds,
  };
}

async function analyze(
  knex: Knex,
  tables: readonly string[] = [
    'postmortems',
    'postmortem_entities',
    'postmortem_tags',
    'postmortem_revisions',
    'action_items',
    'reading_sessions',
  ],
) {
  const engine = engineOf(knex);
  if (engine === 'mysql') {
    await knex.raw(
      `ANALYZE TABLE ${tables.map(() => '??').join(', ')}`,
      tables,
    );
  } else if (engine === 'pg') {
    // VACUUM too: index-only scans need the visibility map it sets.
    await knex.raw('VACUUM ANALYZE');
  } else {
    await knex.raw('ANALYZE');
  }
}

function sessionRow(
  group: string,
  at: Date,
  status: string,
  postmortemId: string | null,
  by: string,
): Row {
  return {
    id: randomUUID(),
    owner_group: group,
    scheduled_at: at,
    duration_minutes: 60,
    facilitator: GROUP_MEMBERS[0],
    postmortem_id: postmortemId,
    status,
    participants: JSON.stringify(GROUP_MEMBERS),
    notes: status === 'held' ? '読書会のメモ / notes' : null,
    series_id: null,
    ...createdColumns(new Date(at.getTime() - 14 * DAY), by),
  };
}
