import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import {
  ENTITIES,
  GUEST,
  HANAKO,
  RecordingNotifications,
  SERVICE,
  SRE,
  TARO,
  databaseIds,
  databases,
  startHarness,
} from './__testUtils__/harness';
import { readNotificationsConfig } from './config';
import { Deliveries } from './deliveries';
import { Directory } from './directory';
import { Outbox } from './outbox';
import {
  ScheduledNotifications,
  SuggestionsSource,
} from './scheduledNotifications';

jest.setTimeout(120_000);

/** Wednesday 2 December 2026, 09:00 in Tokyo: the digest's hour. */
const MORNING = new Date('2026-12-02T00:00:00.000Z');
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

type Harness = Awaited<ReturnType<typeof startHarness>>;

/** One replica's scheduled notifications, on the shared database. */
function replica(
  harness: Harness,
  knex: Knex,
  options: {
    notifications?: RecordingNotifications;
    suggestions?: SuggestionsSource;
    language?: string;
  } = {},
) {
  const deliveries = new Deliveries(knex);
  const config = readNotificationsConfig(
    new ConfigReader({
      postmortems: {
        readingSessions: { timezone: 'Asia/Tokyo' },
        notifications: { language: options.language ?? 'en' },
      },
    }),
  );
  return new ScheduledNotifications({
    config,
    stores: harness.stores,
    outbox: new Outbox(
      options.notifications ?? harness.recording,
      deliveries,
      mockServices.logger.mock(),
    ),
    deliveries,
    directory: () =>
      new Directory(
        catalogServiceMock({ entities: ENTITIES }),
        mockServices.auth(),
      ),
    suggestions: options.suggestions ?? (async () => []),
    logger: mockServices.logger.mock(),
  });
}

/**
 * The example's story: a published postmortem of 請求管理ロボ, two overdue
 * items (Hanako's own, and one of the SRE team of Hanako and the guest),
 * Taro's item due on Friday, one done and one due later.
 */
async function seed(harness: Harness) {
  const { postmortems, actionItems, readingSessions } = harness.stores;
  const pm = await postmortems.createPostmortem(
    {
      title: '非同期ジョブのキュー滞留',
      entityRefs: [SERVICE],
      status: 'published',
      severity: 'sev2',
      detection: 'customer_report',
      startedAt: '2026-10-01T01:00:00.000Z',
      template: 'sre-book',
      sections: {},
      timeline: [],
      tags: [],
      authors: [HANAKO],
    },
    HANAKO,
  );
  const item = (
    title: string,
    owner: string,
    dueDate: string,
    status?: 'done',
  ) =>
    actionItems.createActionItem(
      pm.id,
      { title, owner, dueDate, status },
      HANAKO,
    );
  const hanakos = await item(
    'キュー滞留のアラートを作る',
    HANAKO,
    '2026-11-20',
  );
  const teams = await item('Runbook を書く', SRE, '2026-11-25');
  const tarosSoon = await item('容量計画を見直す', TARO, '2026-12-04');
  await item('終わったもの', TARO, '2026-11-01', 'done');
  await item('まだ先のもの', TARO, '2026-12-20');
  const picked = await readingSessions.createReadingSession(
    {
      ownerGroup: SRE,
      scheduledAt: '2026-12-04T07:00:00.000Z',
      postmortemId: pm.id,
    },
    GUEST,
  );
  const unpicked = await readingSessions.createReadingSession(
    {
      ownerGroup: SRE,
      scheduledAt: '2027-01-07T07:00:00.000Z',
      facilitator: TARO,
    },
    GUEST,
  );
  return { pm, hanakos, teams, tarosSoon, picked, unpicked };
}

describe.each(databaseIds)('ScheduledNotifications on %s', databaseId => {
  let knex: Knex;
  let harness: Harness;
  let now = MORNING;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    now = MORNING;
    harness = await startHarness(knex, { clock: () => now });
  });

  afterEach(async () => {
    await harness.backend.stop();
  });

  it('sends each owner one digest of their overdue items and their teams’, and the morning’s reminders', async () => {
    const { pm, tarosSoon, picked } = await seed(harness);
    const report = await replica(harness, knex).run(now);

    expect(report).toEqual({
      overdueDigests: 2,
      dueSoon: 1,
      sessionReminders: 1,
      sessionsWithoutPick: 0,
    });
    const sent = harness.recording.sent;
    const digests = sent.filter(
      s => s.payload.topic === 'overdue-action-items',
    );
    // Taro has nothing overdue (his old one is done): no digest for him.
    expect(digests.map(d => d.recipients)).toEqual([
      { type: 'entity', entityRef: GUEST },
      { type: 'entity', entityRef: HANAKO },
    ]);
    expect(digests[1].payload).toMatchObject({
      title: 'You have 2 overdue action items',
      description:
        '• キュー滞留のアラートを作る (due 2026-11-20) — 非同期ジョブのキュー滞留, 請求管理ロボ\n' +
        '• Runbook を書く (due 2026-11-25) — 非同期ジョブのキュー滞留, 請求管理ロボ',
      link: '/postmortems/action-items?status=overdue&mine=true',
      severity: 'high',
      scope: 'overdue-digest',
    });
    expect(digests[0].payload.title).toBe('You have 1 overdue action item');

    const dueSoon = sent.filter(
      s => s.payload.topic === 'action-items-due-soon',
    );
    expect(dueSoon).toEqual([
      {
        recipients: { type: 'entity', entityRef: TARO },
        payload: expect.objectContaining({
          title: 'Due in 2 days: 容量計画を見直す',
          link: `/postmortems/${pm.id}?actionItem=${tarosSoon.id}`,
        }),
      },
    ]);
    const session = sent.filter(s => s.payload.topic === 'reading-session');
    expect(session).toEqual([
      {
        recipients: { type: 'entity', entityRef: SRE },
        payload: expect.objectContaining({
          title: 'Postmortem reading session on Fri, 4 Dec 2026, 16:00',
          description: expect.stringContaining(
            'We read: 非同期ジョブのキュー滞留\nIts open action items:\n• キュー滞留のアラートを作る',
          ),
          link: `/postmortems/reading-sessions/${picked.id}`,
        }),
      },
    ]);
  });

  it('tells the group and the facilitator the top suggestions when nothing is picked a week before, in Japanese', async () => {
    const { pm, unpicked } = await seed(harness);
    // Thursday 31 December, 09:00 Tokyo: a week before the January session.
    now = new Date('2027-01-01T00:00:00.000Z');
    const suggestions = jest.fn<
      ReturnType<SuggestionsSource>,
      Parameters<SuggestionsSource>
    >(async () => [
      {
        postmortem: { id: pm.id, title: pm.title },
        reasons: [
          { code: 'severity', severity: 'sev2' },
          { code: 'never_read' },
        ],
      },
    ]);
    const report = await replica(harness, knex, {
      suggestions,
      language: 'ja',
    }).run(now);

    expect(report.sessionsWithoutPick).toBe(1);
    expect(suggestions).toHaveBeenCalledWith(SRE, 3);
    const notices = harness.recording.sent.filter(
      s => s.payload.metadata?.suggestions,
    );
    expect(notices.map(n => n.recipients)).toEqual([
      { type: 'entity', entityRef: SRE },
      { type: 'entity', entityRef: TARO },
    ]);
    expect(notices[0].payload).toMatchObject({
      title: '1月7日(木) 16:00の読書会で読むものがまだ決まっていません',
      description:
        '事前に決めておきましょう。おすすめ:\n• 非同期ジョブのキュー滞留 — SEV2、まだ読まれていない',
      link: `/postmortems/reading-sessions/${unpicked.id}`,
      severity: 'high',
    });
  });

  it('sends one digest, not two, when two replicas run at the same moment, and nothing again for the same morning', async () => {
    await seed(harness);
    const [a, b] = [replica(harness, knex), replica(harness, knex)];
    await Promise.all([a.run(now), b.run(now)]);
    await a.run(minutes(now, 5));
    await b.run(minutes(now, 60));

    const lines = harness.recording.lines();
    expect(lines.filter(l => l.includes('overdue'))).toEqual([
      `${GUEST}: You have 1 overdue action item`,
      `${HANAKO}: You have 2 overdue action items`,
    ]);
    expect(lines.filter(l => l.startsWith(`${TARO}: Due`))).toHaveLength(1);
    expect(lines.filter(l => l.includes('reading session'))).toHaveLength(1);

    // The next weekday morning is a new digest.
    await a.run(new Date('2026-12-03T00:00:00.000Z'));
    expect(
      harness.recording.lines().filter(l => l.includes('overdue')),
    ).toHaveLength(4);
  });

  it('after a send fails half-way, the next run sends only what is missing', async () => {
    await seed(harness);
    let failures = 1;
    harness.recording.failWhen = options => {
      if (
        options.recipients.type === 'entity' &&
        options.recipients.entityRef === HANAKO &&
        failures-- > 0
      ) {
        throw new Error('the notifications backend is unreachable');
      }
    };
    const a = replica(harness, knex);
    await expect(a.run(now)).rejects.toThrow(/unreachable/);
    expect(harness.recording.lines()).toEqual([
      `${GUEST}: You have 1 overdue action item`,
    ]);

    await a.run(minutes(now, 5));
    const lines = harness.recording.lines();
    expect(lines.filter(l => l.includes('overdue'))).toEqual([
      `${GUEST}: You have 1 overdue action item`,
      `${HANAKO}: You have 2 overdue action items`,
    ]);
    expect(lines.filter(l => l.startsWith(`${TARO}: Due`))).toHaveLength(1);
  });

  it('after a replica dies in the middle of a run, another takes over once its claim is stale and sends nothing twice', async () => {
    await seed(harness);
    // The first replica's send to Hanako never returns: the process died.
    const dying = new RecordingNotifications();
    dying.failWhen = options =>
      options.recipients.type === 'entity' &&
      options.recipients.entityRef === HANAKO
        ? new Promise<void>(() => {})
        : undefined;
    void replica(harness, knex, { notifications: dying }).run(now);
    for (let i = 0; i < 200 && dying.sent.length === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    expect(dying.lines()).toEqual([`${GUEST}: You have 1 overdue action item`]);

    const survivor = replica(harness, knex);
    // A minute later its claim on the digest is fresh: it might still be
    // sending. The reminders, which it never reached, are a job of their own.
    await survivor.run(minutes(now, 1));
    const overdue = () =>
      harness.recording.lines().filter(l => l.includes('overdue'));
    expect(overdue()).toEqual([]);
    // After the lease (10 minutes) the survivor finishes the morning's work.
    await survivor.run(minutes(now, 11));
    expect(overdue()).toEqual([`${HANAKO}: You have 2 overdue action items`]);
    const lines = harness.recording.lines();
    expect(lines.filter(l => l.startsWith(`${TARO}: Due`))).toHaveLength(1);
    expect(lines.filter(l => l.includes('reading session'))).toHaveLength(1);
  });
});
