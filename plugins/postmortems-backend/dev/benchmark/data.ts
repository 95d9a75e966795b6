import {
  ActionItemInput,
  PostmortemInput,
  ReadingSessionInput,
} from '@postmortems/backstage-plugin-postmortems-node';

/*
 * Generated postmortems for the benchmark: plausible sizes and mixes, the
 * same for the same seed, so runs on different databases or machines fill
 * the tables alike. Sections are a few hundred characters of Japanese and
 * English, as in a real sre-book postmortem.
 */

const DAY = 86_400_000;

/** The term the search measurements look for: in about 1 in 25 postmortems. */
export const RARE_TERM = 'キュー滞留';
/** A term in no postmortem, so the search reads every row. */
export const MISSING_TERM = '存在しない障害';
/** The group whose reading sessions the benchmark holds and ranks. */
export const GROUP = 'group:default/sre';
/** The component with the most postmortems. */
export const BUSY_COMPONENT = 'component:default/seikyu-kanri-robo';

const COMPONENTS = [
  BUSY_COMPONENT,
  ...Array.from(
    { length: 59 },
    (_, i) => `component:default/service-${String(i + 1).padStart(2, '0')}`,
  ),
];
const RESOURCES = Array.from(
  { length: 20 },
  (_, i) => `resource:default/database-${i + 1}`,
);
const TAGS = [
  'batch',
  'database',
  'network',
  'deploy',
  'capacity',
  'certificate',
  'dns',
  'queue',
  '外部サービス',
  '設定ミス',
];
const USERS = Array.from({ length: 30 }, (_, i) => `user:default/user-${i}`);
const GROUPS = [GROUP, 'group:default/billing-team', 'group:default/platform'];

const JA = [
  '非同期ジョブの処理が遅れ、請求書の作成が予定時刻に終わらなかった。',
  'デプロイ直後から接続数が増え、データベースの応答時間が悪化した。',
  '証明書の更新が漏れていたため、外部連携の API 呼び出しが失敗した。',
  '監視のしきい値が実態に合っておらず、アラートが鳴らなかった。',
  'お客様からの問い合わせで初めて事象に気づいた。',
  'ロールバックの手順が整備されていたので、復旧は早かった。',
  '同じ時間帯に別の作業が重なり、原因の切り分けに時間がかかった。',
  'リトライが集中してキューが詰まり、処理待ちのジョブが増え続けた。',
];
const EN = [
  'The batch workers fell behind and invoices were created hours late.',
  'Connection counts rose right after the deploy and latency degraded.',
  'An expired certificate broke calls to a partner API.',
  'The alert threshold did not match real traffic, so nothing fired.',
  'A customer inquiry was the first sign of the incident.',
  'A rehearsed rollback made the recovery quick.',
  'Another change in the same window slowed down the diagnosis.',
  'Retries piled up in the queue and the backlog kept growing.',
];
const SECTION_KEYS = [
  'summary',
  'impact',
  'trigger',
  'rootCauses',
  'mitigation',
  'permanentFix',
  'detection',
  'wentWell',
  'wentWrong',
  'gotLucky',
];
const SEVERITIES = ['sev1', 'sev2', 'sev2', 'sev3', 'sev3', 'sev3', 'sev4'];
const DETECTIONS = [
  'customer_report',
  'monitoring_alert',
  'monitoring_alert',
  'internal_discovery',
  'other',
];
const STATUSES = ['published', 'published', 'published', 'in_review', 'draft'];
const ITEM_STATUSES = [
  'open',
  'open',
  'in_progress',
  'done',
  'done',
  'wont_do',
];
const KINDS = ['mitigate', 'prevent', 'detect', 'process', 'other'];
const PRIORITIES = ['high', 'medium', 'low'];

/** A small deterministic generator (mulberry32). */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  some<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, items.length)) {
      chosen.add(this.pick(items));
    }
    return [...chosen];
  }
}

function paragraph(random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () =>
    random.next() < 0.6 ? random.pick(JA) : random.pick(EN),
  ).join(' ');
}

/** The n-th postmortem; spread over the five years before `now`. */
export function generatePostmortem(
  random: Random,
  n: number,
  now: Date,
): PostmortemInput {
  const started = new Date(now.getTime() - random.int(5 * 365 * DAY));
  const detected = new Date(started.getTime() + random.int(6 * 3600_000));
  const mitigated = new Date(detected.getTime() + random.int(4 * 3600_000));
  const resolved = new Date(mitigated.getTime() + random.int(48 * 3600_000));
  const sections = Object.fromEntries(
    SECTION_KEYS.map(key => [key, paragraph(random, 1 + random.int(4))]),
  );
  if (n % 25 === 7) {
    sections.rootCauses += ` 根本原因はジョブの${RARE_TERM}だった。`;
  }
  const entityRefs =
    random.next() < 0.1
      ? [BUSY_COMPONENT]
      : random.some(COMPONENTS, 1 + random.int(2));
  if (random.next() < 0.3) {
    entityRefs.push(random.pick(RESOURCES));
  }
  return {
    title:
      random.next() < 0.6
        ? `障害 #${n}: ${random.pick(JA).slice(0, 30)}`
        : `Incident #${n}: ${random.pick(EN).slice(0, 50)}`,
    entityRefs: [...new Set(entityRefs)],
    status: random.pick(STATUSES) as PostmortemInput['status'],
    severity: random.pick(SEVERITIES) as PostmortemInput['severity'],
    detection: random.pick(DETECTIONS) as PostmortemInput['detection'],
    startedAt: started.toISOString(),
    detectedAt: detected.toISOString(),
    mitigatedAt: mitigated.toISOString(),
    resolvedAt: random.next() < 0.8 ? resolved.toISOString() : null,
    template: 'sre-book',
    sections,
    timeline: [
      { at: detected.toISOString(), text: '検知 / detected' },
      { at: mitigated.toISOString(), text: '暫定対応 / mitigated' },
    ],
    tags: random.some(TAGS, random.int(3)),
    authors: random.some(USERS, 1 + random.int(2)),
  };
}

/** About three action items, due within half a year of the incident. */
export function generateActionItems(
  random: Random,
  postmortem: PostmortemInput,
): ActionItemInput[] {
  const started = new Date(postmortem.startedAt).getTime();
  return Array.from({ length: 2 + random.int(3) }, (_, i) => ({
    title: `${random.pick([
      '監視を追加',
      'Runbook を更新',
      'Add a retry limit',
      'Capacity review',
    ])} (${i + 1})`,
    description: random.next() < 0.5 ? paragraph(random, 1) : null,
    owner: random.next() < 0.5 ? random.pick(USERS) : random.pick(GROUPS),
    dueDate:
      random.next() < 0.85
        ? new Date(started + (7 + random.int(180)) * DAY)
            .toISOString()
            .slice(0, 10)
        : null,
    status: random.pick(ITEM_STATUSES) as ActionItemInput['status'],
    priority: random.pick(PRIORITIES) as ActionItemInput['priority'],
    kind: random.pick(KINDS) as ActionItemInput['kind'],
  }));
}

/** Monthly sessions of the group over the past three years, all held. */
export function generateReadingSessions(
  random: Random,
  picks: string[],
  now: Date,
): ReadingSessionInput[] {
  return Array.from({ length: 36 }, (_, i) => {
    const at = new Date(now);
    at.setUTCMonth(at.getUTCMonth() - (i + 1), 15);
    at.setUTCHours(7, 0, 0, 0);
    return {
      ownerGroup: GROUP,
      scheduledAt: at.toISOString(),
      facilitator: random.pick(USERS),
      postmortemId: random.pick(picks),
      status: 'held' as const,
      participants: random.some(USERS, 5),
      notes: paragraph(random, 2),
    };
  });
}
