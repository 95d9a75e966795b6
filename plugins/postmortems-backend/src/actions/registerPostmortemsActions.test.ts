import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  MockActionsRegistry,
  actionsRegistryServiceMock,
} from '@backstage/backend-test-utils/alpha';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Postmortem,
  sreBookTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';
import {
  ALICE,
  BOB,
  NOW,
  databases,
  postmortem,
  useTestStores,
} from '../__testUtils__/stores';
import { registerPostmortemsActions } from './registerPostmortemsActions';

jest.setTimeout(60_000);

const APP = 'http://localhost:3000';
const SRE = 'group:default/sre';
const ROBO = 'component:default/seikyu-kanri-robo';
const BILLING = 'component:default/billing';
const MISSING = '00000000-0000-4000-8000-000000000000';

/** What an action is invoked with: a JSON object. */
type JsonObject = NonNullable<
  Parameters<MockActionsRegistry['invoke']>[0]['input']
>;

describe.each(databases.eachSupportedId())('actions on %p', databaseId => {
  const { stores } = useTestStores(databaseId);

  /** The actions on a mock registry, invoked as Alice. */
  function setup(read: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
    const registry = actionsRegistryServiceMock();
    registerPostmortemsActions({
      actionsRegistry: registry,
      permissions: mockServices.permissions({ result: read }),
      stores,
      templates: [sreBookTemplate],
      timezone: 'Asia/Tokyo',
      appBaseUrl: `${APP}/`,
      clock: () => NOW,
    });
    return async (name: string, input: JsonObject) =>
      (
        await registry.invoke({
          id: `test:${name}`,
          input,
          credentials: mockCredentials.user(ALICE),
        })
      ).output as any;
  }
  const invoke = (name: string, input: JsonObject) =>
    setup(AuthorizeResult.ALLOW)(name, input);

  /** Three postmortems: the queue backlog, a certificate expiry, a draft. */
  async function seed() {
    const backlog = await stores.postmortems.createPostmortem(
      postmortem({
        sections: {
          summary: 'キューにジョブが滞留し、請求書の作成が遅れた。',
          rootCauses: `${'ワーカーの設定。'.repeat(
            60,
          )} The worker pool hit a deadlock.`,
        },
      }),
      ALICE,
    );
    const certificate = await stores.postmortems.createPostmortem(
      postmortem({
        title: 'Certificate expiry on the billing API',
        entityRefs: [BILLING],
        severity: 'sev1',
        detection: 'monitoring_alert',
        startedAt: '2026-06-01T01:00:00.000Z',
        detectedAt: null,
        mitigatedAt: '2026-06-01T05:00:00.000Z',
        sections: { summary: 'The TLS certificate expired.' },
        timeline: [],
        tags: ['tls'],
      }),
      ALICE,
    );
    const draft = await stores.postmortems.createPostmortem(
      postmortem({
        title: 'Draft about the queue',
        status: 'draft',
        startedAt: '2026-11-01T01:00:00.000Z',
        detectedAt: null,
        mitigatedAt: null,
        sections: { summary: 'Not written yet.' },
      }),
      ALICE,
    );
    return { backlog, certificate, draft };
  }

  describe('search-postmortems', () => {
    it('finds a Japanese word, with an excerpt and a link into the app', async () => {
      const { backlog } = await seed();
      const output = await invoke('search-postmortems', { q: '滞留' });
      expect(output).toEqual({
        items: [
          {
            id: backlog.id,
            title: '非同期ジョブのキュー滞留',
            entityRefs: [ROBO],
            severity: 'sev2',
            status: 'published',
            detection: 'customer_report',
            startedAt: '2026-10-01T01:00:00.000Z',
            tags: ['batch'],
            summary: 'キューにジョブが滞留し、請求書の作成が遅れた。',
            link: `${APP}/postmortems/${backlog.id}`,
          },
        ],
        totalCount: 1,
      });
    });

    it('takes the filters of the API, entity refs normalised', async () => {
      const { backlog, certificate, draft } = await seed();
      const ids = async (input: JsonObject) =>
        (await invoke('search-postmortems', input)).items.map(
          (p: Postmortem) => p.id,
        );
      expect(await ids({})).toEqual([draft.id, backlog.id, certificate.id]);
      expect(await ids({ severity: 'sev1' })).toEqual([certificate.id]);
      expect(await ids({ status: 'published' })).toEqual([
        backlog.id,
        certificate.id,
      ]);
      expect(
        await ids({ entityRef: 'Component:Default/Seikyu-Kanri-Robo' }),
      ).toEqual([draft.id, backlog.id]);
      expect(await ids({ entityRef: [BILLING, ROBO], tag: 'tls' })).toEqual([
        certificate.id,
      ]);
      expect(await ids({ detection: 'monitoring_alert' })).toEqual([
        certificate.id,
      ]);
      expect(
        await ids({
          from: '2026-09-01T00:00:00+09:00',
          to: '2026-11-01T10:00:00+09:00',
        }),
      ).toEqual([backlog.id]);
      expect(await ids({ q: 'DEADLOCK' })).toEqual([backlog.id]);
    });

    it('pages with the cursor it answers', async () => {
      const { backlog, certificate, draft } = await seed();
      const first = await invoke('search-postmortems', { limit: 2 });
      expect(first.items.map((p: Postmortem) => p.id)).toEqual([
        draft.id,
        backlog.id,
      ]);
      expect(first.totalCount).toBe(3);
      const second = await invoke('search-postmortems', {
        limit: 2,
        cursor: first.nextCursor,
      });
      expect(second.items.map((p: Postmortem) => p.id)).toEqual([
        certificate.id,
      ]);
      expect(second.nextCursor).toBeUndefined();
    });

    it('excerpts the passage around a match outside the summary', async () => {
      await seed();
      const [item] = (await invoke('search-postmortems', { q: 'deadlock' }))
        .items;
      expect(item.summary).toMatch(/^….*The worker pool hit a deadlock\.$/);
      expect(item.summary.length).toBeLessThanOrEqual(301);

      // A section that fits comes whole, however late the match.
      const short = await stores.postmortems.createPostmortem(
        postmortem({
          title: 'Short',
          sections: { summary: `${'前置き。'.repeat(40)}結論: 証明書` },
        }),
        ALICE,
      );
      const [whole] = (await invoke('search-postmortems', { q: '証明書' }))
        .items;
      expect(whole.summary).toBe(short.sections.summary);
    });

    it.each([
      [
        { from: 'yesterday' },
        'from: must be an ISO 8601 timestamp with offset',
      ],
      [{ entityRef: 'not a ref' }, 'entityRef.0: must be an entity ref like'],
      [{ limit: 0 }, 'limit: must be an integer from 1 to 100'],
      [{ limit: 101 }, 'limit: must be an integer from 1 to 100'],
      [
        { from: '2026-10-01T00:00:00Z', to: '2026-09-01T00:00:00Z' },
        'to: must not be before from',
      ],
      [{ cursor: 'nonsense' }, 'cursor: not a cursor from a previous page'],
      [{ q: 'x'.repeat(201) }, 'q: '],
    ])('rejects bad input naming the field: %j', async (input, message) => {
      await expect(
        invoke('search-postmortems', input as JsonObject),
      ).rejects.toThrow(new InputError(`Invalid request: ${message}`).message);
    });

    it('rejects a value its schema does not allow', async () => {
      await expect(
        invoke('search-postmortems', { severity: 'sev9' }),
      ).rejects.toThrow(InputError);
    });
  });

  describe('get-postmortem', () => {
    it('answers every field, the sections under their template titles, and the action items', async () => {
      const { backlog } = await seed();
      const item = await stores.actionItems.createActionItem(
        backlog.id,
        { title: 'Alert on queue depth', owner: SRE, dueDate: '2026-11-01' },
        ALICE,
      );
      const output = await invoke('get-postmortem', { id: backlog.id });
      expect(output).toMatchObject({
        id: backlog.id,
        title: backlog.title,
        link: `${APP}/postmortems/${backlog.id}`,
        entityRefs: [ROBO],
        status: 'published',
        severity: 'sev2',
        detection: 'customer_report',
        startedAt: '2026-10-01T01:00:00.000Z',
        detectedAt: '2026-10-01T02:30:00.000Z',
        mitigatedAt: '2026-10-01T03:00:00.000Z',
        template: { id: 'sre-book', title: 'SRE book postmortem' },
        timeline: [{ at: '2026-10-01T02:30:00.000Z', text: '問い合わせ' }],
        tags: ['batch'],
        authors: [ALICE],
        actionItemCounts: { open: 1, overdue: 1, done: 0, total: 1 },
        actionItems: [
          {
            id: item.id,
            title: 'Alert on queue depth',
            owner: SRE,
            dueDate: '2026-11-01',
            status: 'open',
            priority: item.priority,
            kind: item.kind,
            overdue: true,
          },
        ],
        createdBy: ALICE,
        version: 1,
      });
      expect(output.resolvedAt).toBeUndefined();
      expect(output.sections).toEqual([
        {
          key: 'summary',
          title: 'Summary',
          markdown: backlog.sections.summary,
        },
        {
          key: 'rootCauses',
          title: 'Root causes',
          markdown: backlog.sections.rootCauses,
        },
      ]);
    });

    it('titles the sections in Japanese when asked', async () => {
      const { backlog } = await seed();
      const output = await invoke('get-postmortem', {
        id: backlog.id.toUpperCase(),
        language: 'ja',
      });
      expect(output.template.title).toBe('SRE本のポストモーテム');
      expect(output.sections.map((s: { title: string }) => s.title)).toEqual([
        'サマリ',
        '根本原因',
      ]);
    });

    it('answers every action item, beyond one page', async () => {
      const { certificate } = await seed();
      for (let i = 0; i < 101; i++) {
        await stores.actionItems.createActionItem(
          certificate.id,
          { title: `Item ${i}` },
          ALICE,
        );
      }
      const output = await invoke('get-postmortem', { id: certificate.id });
      expect(output.actionItems).toHaveLength(101);
    });

    it('rejects an id that is not a UUID, naming the field', async () => {
      await expect(invoke('get-postmortem', { id: '42' })).rejects.toThrow(
        'Invalid request: id: must be a UUID',
      );
    });

    it('is a NotFoundError for a missing or deleted postmortem', async () => {
      const { backlog } = await seed();
      await stores.postmortems.deletePostmortem(backlog.id, ALICE);
      await expect(
        invoke('get-postmortem', { id: backlog.id }),
      ).rejects.toThrow(NotFoundError);
      await expect(invoke('get-postmortem', { id: MISSING })).rejects.toThrow(
        `Postmortem ${MISSING} not found`,
      );
    });
  });

  describe('list-action-items', () => {
    async function seedItems() {
      const { backlog, certificate } = await seed();
      const overdue = await stores.actionItems.createActionItem(
        backlog.id,
        { title: 'Alert on queue depth', owner: SRE, dueDate: '2026-11-01' },
        ALICE,
      );
      const later = await stores.actionItems.createActionItem(
        backlog.id,
        {
          title: 'Split the queue',
          owner: BOB,
          dueDate: '2026-12-31',
          status: 'in_progress',
        },
        ALICE,
      );
      const done = await stores.actionItems.createActionItem(
        certificate.id,
        { title: 'Renew automatically', owner: SRE, status: 'done' },
        ALICE,
      );
      return { backlog, overdue, later, done };
    }
    const ids = async (input: JsonObject) =>
      (await invoke('list-action-items', input)).items.map(
        (i: { id: string }) => i.id,
      );

    it('lists an owner’s open items, with the postmortem’s title and link', async () => {
      const { backlog, overdue } = await seedItems();
      const output = await invoke('list-action-items', { owner: SRE });
      expect(output).toEqual({
        items: [
          {
            id: overdue.id,
            title: 'Alert on queue depth',
            status: 'open',
            priority: overdue.priority,
            kind: overdue.kind,
            owner: SRE,
            dueDate: '2026-11-01',
            overdue: true,
            entityRefs: [ROBO],
            postmortem: {
              id: backlog.id,
              title: backlog.title,
              link: `${APP}/postmortems/${backlog.id}`,
            },
          },
        ],
        totalCount: 1,
      });
    });

    it('lists an entity’s open items, only the overdue ones, or by status', async () => {
      const { overdue, later, done } = await seedItems();
      expect(
        await ids({ entityRef: 'Component:default/seikyu-kanri-robo' }),
      ).toEqual([overdue.id, later.id]);
      expect(await ids({ entityRef: ROBO, overdueOnly: true })).toEqual([
        overdue.id,
      ]);
      expect(await ids({ owner: [SRE, BOB] })).toEqual([overdue.id, later.id]);
      expect(await ids({ owner: SRE, status: ['done'] })).toEqual([done.id]);
      expect(await ids({ entityRef: BILLING })).toEqual([]);
    });

    it('wants an entity or an owner, named as the field', async () => {
      await expect(invoke('list-action-items', {})).rejects.toThrow(
        'Invalid request: entityRef: give an entityRef or an owner (or both)',
      );
    });

    it.each([
      [
        { owner: 'component:default/x' },
        'owner.0: must be a user or group ref',
      ],
      [{ entityRef: 'nope nope' }, 'entityRef.0: must be an entity ref like'],
      [{ owner: SRE, limit: 500 }, 'limit: must be an integer from 1 to 100'],
    ])('rejects %p naming the field', async (input, message) => {
      await expect(
        invoke('list-action-items', input as JsonObject),
      ).rejects.toThrow(`Invalid request: ${message}`);
    });
  });

  describe('get-reading-session-pick', () => {
    it('answers this month’s session, its pick and the ranked suggestions', async () => {
      const { backlog, certificate } = await seed();
      const item = await stores.actionItems.createActionItem(
        backlog.id,
        { title: 'Alert on queue depth', owner: SRE, dueDate: '2026-11-01' },
        ALICE,
      );
      const session = await stores.readingSessions.createReadingSession(
        {
          ownerGroup: SRE,
          scheduledAt: '2026-11-26T07:00:00.000Z',
          postmortemId: backlog.id,
          facilitator: ALICE,
        },
        ALICE,
      );
      const next = await stores.readingSessions.createReadingSession(
        { ownerGroup: SRE, scheduledAt: '2026-12-17T07:00:00.000Z' },
        ALICE,
      );
      const output = await invoke('get-reading-session-pick', {
        ownerGroup: 'sre',
      });
      expect(output).toMatchObject({
        ownerGroup: SRE,
        month: '2026-11',
        timezone: 'Asia/Tokyo',
        session: {
          id: session.id,
          scheduledAt: '2026-11-26T07:00:00.000Z',
          status: 'planned',
          facilitator: ALICE,
          postmortemId: backlog.id,
          link: `${APP}/postmortems/reading-sessions/${session.id}`,
        },
        pick: {
          postmortem: {
            id: backlog.id,
            link: `${APP}/postmortems/${backlog.id}`,
          },
          openActionItems: [{ id: item.id, overdue: true }],
        },
        next: { id: next.id },
      });
      // The pick is taken and the draft is no candidate: the certificate
      // expiry is left, a sev1 that nobody read.
      expect(output.suggestions).toEqual([
        expect.objectContaining({
          postmortem: expect.objectContaining({ id: certificate.id }),
          score: expect.any(Number),
        }),
      ]);
      expect(output.suggestions[0].reasons).toEqual(
        expect.arrayContaining([
          { code: 'severity', severity: 'sev1' },
          { code: 'never_read' },
        ]),
      );
    });

    it('answers no session and no pick for a group without one', async () => {
      const { certificate } = await seed();
      const output = await invoke('get-reading-session-pick', {
        ownerGroup: 'group:default/platform',
        limit: 1,
      });
      expect(output.session).toBeNull();
      expect(output.pick).toBeNull();
      expect(output.next).toBeUndefined();
      expect(
        output.suggestions.map(
          (s: { postmortem: Postmortem }) => s.postmortem.id,
        ),
      ).toEqual([certificate.id]);
    });

    it.each([
      [{ ownerGroup: 'user:default/alice' }, 'ownerGroup: must be a group ref'],
      [
        { ownerGroup: SRE, limit: 21 },
        'limit: must be an integer from 1 to 20',
      ],
    ])('rejects %p naming the field', async (input, message) => {
      await expect(
        invoke('get-reading-session-pick', input as JsonObject),
      ).rejects.toThrow(`Invalid request: ${message}`);
    });
  });

  describe('permissions', () => {
    it.each([
      ['search-postmortems', { q: '滞留' }],
      ['get-postmortem', { id: MISSING }],
      ['list-action-items', { owner: SRE }],
      ['get-reading-session-pick', { ownerGroup: SRE }],
    ])(
      '%s is a NotAllowedError when postmortem.read is denied',
      async (name, input) => {
        await seed();
        await expect(
          setup(AuthorizeResult.DENY)(name, input as JsonObject),
        ).rejects.toThrow(
          new NotAllowedError(
            'Not allowed: the permission postmortem.read was denied',
          ).message,
        );
      },
    );

    it('asks about the caller’s own credentials', async () => {
      const permissions = mockServices.permissions.mock();
      permissions.authorize.mockResolvedValue([
        { result: AuthorizeResult.ALLOW },
      ]);
      const registry = actionsRegistryServiceMock();
      registerPostmortemsActions({
        actionsRegistry: registry,
        permissions,
        stores,
        templates: [sreBookTemplate],
        timezone: 'Asia/Tokyo',
      });
      const credentials = mockCredentials.user(BOB);
      await registry.invoke({
        id: 'test:search-postmortems',
        input: {},
        credentials,
      });
      expect(permissions.authorize).toHaveBeenCalledWith(
        [{ permission: expect.objectContaining({ name: 'postmortem.read' }) }],
        { credentials },
      );
    });
  });
});
