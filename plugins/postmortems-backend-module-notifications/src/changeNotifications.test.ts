import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  GUEST,
  HANAKO,
  SERVICE,
  SRE,
  TARO,
  databases,
  eventually,
  startHarness,
} from './__testUtils__/harness';

jest.setTimeout(60_000);

type Harness = Awaited<ReturnType<typeof startHarness>>;

describe('notifications on changes made through the API', () => {
  let harness: Harness;
  const as = (user: string) => mockCredentials.user.header(user);

  beforeEach(async () => {
    harness = await startHarness(await databases.init('SQLITE_3'), {
      clock: () => new Date(),
      notifications: { language: 'ja' },
    });
  });
  afterEach(() => harness.backend.stop());

  const createPostmortem = (status: string, by = HANAKO) =>
    request(harness.server)
      .post('/api/postmortems/postmortems')
      .set('Authorization', as(by))
      .send({
        title: '証明書の期限切れ',
        entityRefs: [SERVICE],
        status,
        severity: 'sev2',
        detection: 'customer_report',
        startedAt: '2026-11-20T00:00:00.000Z',
        authors: [HANAKO],
      });

  it('tells the owners of the entities a postmortem names when it is published, not before', async () => {
    const draft = await createPostmortem('draft');
    expect(draft.status).toBe(201);
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(harness.recording.sent).toEqual([]);

    const published = await request(harness.server)
      .patch(`/api/postmortems/postmortems/${draft.body.id}`)
      .set('Authorization', as(HANAKO))
      .send({ version: 1, status: 'published' });
    expect(published.status).toBe(200);
    await eventually(() =>
      expect(harness.recording.sent).toEqual([
        {
          // The notifications backend resolves the service to its owner's members.
          recipients: {
            type: 'entity',
            entityRef: [SERVICE],
            excludeEntityRef: HANAKO,
          },
          payload: expect.objectContaining({
            title: '請求管理ロボ の新しいポストモーテム: 証明書の期限切れ',
            link: `/postmortems/${draft.body.id}`,
            topic: 'new-postmortem',
            severity: 'high',
          }),
        },
      ]),
    );
    // Editing a published one is not news.
    await request(harness.server)
      .patch(`/api/postmortems/postmortems/${draft.body.id}`)
      .set('Authorization', as(HANAKO))
      .send({ version: 2, title: '証明書の期限切れで API が停止' });
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(harness.recording.sent).toHaveLength(1);
  });

  it('tells the new owner of an action item, unless they took it themselves', async () => {
    const pm = await createPostmortem('draft');
    const item = await request(harness.server)
      .post(`/api/postmortems/postmortems/${pm.body.id}/action-items`)
      .set('Authorization', as(TARO))
      .send({
        title: '証明書の期限を監視する',
        owner: TARO,
        dueDate: '2026-12-24',
      });
    expect(item.status).toBe(201);
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(harness.recording.sent).toEqual([]);

    await request(harness.server)
      .patch(`/api/postmortems/action-items/${item.body.id}`)
      .set('Authorization', as(TARO))
      .send({ version: 1, owner: HANAKO });
    await eventually(() =>
      expect(harness.recording.sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: [HANAKO],
            excludeEntityRef: TARO,
          },
          payload: expect.objectContaining({
            title:
              '鈴木 太郎 さんが「証明書の期限を監視する」の担当をあなたにしました',
            description: '証明書の期限切れ、請求管理ロボ\n期限 2026-12-24',
            link: `/postmortems/${pm.body.id}?actionItem=${item.body.id}`,
            topic: 'action-item-assigned',
          }),
        },
      ]),
    );
    // A change that keeps the owner tells nobody.
    await request(harness.server)
      .patch(`/api/postmortems/action-items/${item.body.id}`)
      .set('Authorization', as(TARO))
      .send({ version: 2, status: 'in_progress' });
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(harness.recording.sent).toHaveLength(1);
  });

  it('tells the group its pick, and the pick’s authors and owners that it was read', async () => {
    const pm = await createPostmortem('published');
    await eventually(() => expect(harness.recording.sent).toHaveLength(1));
    const session = await request(harness.server)
      .post('/api/postmortems/reading-sessions')
      .set('Authorization', as(GUEST))
      .send({ ownerGroup: SRE, scheduledAt: '2027-02-04T07:00:00.000Z' });
    expect(session.status).toBe(201);
    const picked = await request(harness.server)
      .patch(`/api/postmortems/reading-sessions/${session.body.id}`)
      .set('Authorization', as(GUEST))
      .send({ version: 1, postmortemId: pm.body.id });
    expect(picked.status).toBe(200);
    await eventually(() => expect(harness.recording.sent).toHaveLength(2));
    expect(harness.recording.sent[1]).toEqual({
      recipients: { type: 'entity', entityRef: [SRE], excludeEntityRef: GUEST },
      payload: expect.objectContaining({
        title: '2月4日(木) 16:00の読書会: 証明書の期限切れ',
        link: `/postmortems/reading-sessions/${session.body.id}`,
        topic: 'reading-session',
      }),
    });

    await request(harness.server)
      .post(`/api/postmortems/postmortems/${pm.body.id}/action-items`)
      .set('Authorization', as(GUEST))
      .send({
        title: '証明書の更新を自動化する',
        readingSessionId: session.body.id,
      });
    const held = await request(harness.server)
      .patch(`/api/postmortems/reading-sessions/${session.body.id}`)
      .set('Authorization', as(GUEST))
      .send({
        version: 2,
        status: 'held',
        notes:
          '更新手順が属人化していた。\n\n監視の閾値を見直す。\n三行目\n四行目は出ない',
      });
    expect(held.status).toBe(200);
    await eventually(() => expect(harness.recording.sent).toHaveLength(3));
    expect(harness.recording.sent[2]).toEqual({
      recipients: {
        type: 'entity',
        entityRef: [HANAKO, SERVICE],
        excludeEntityRef: GUEST,
      },
      payload: expect.objectContaining({
        title: 'あなたのポストモーテムが読まれました: 証明書の期限切れ',
        description:
          'SRE が2月4日(木) 16:00の読書会で読みました。\n' +
          'メモ:\n更新手順が属人化していた。\n監視の閾値を見直す。\n三行目\n' +
          '挙がったアクションアイテム:\n• 証明書の更新を自動化する',
        link: `/postmortems/${pm.body.id}`,
        topic: 'postmortem-read',
      }),
    });
  });
});
