import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/databases';
import { postmortemsPlugin } from '../plugin';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'concurrent PATCHes on %p',
  databaseId => {
    it('let exactly one request per version win, and keep every accepted change', async () => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [postmortemsPlugin, mockServices.database.factory({ knex })],
      });
      const auth = mockCredentials.user.header('user:default/hanako.yamada');
      const created = await request(server)
        .post('/api/postmortems/postmortems')
        .set('Authorization', auth)
        .send({
          title: 'race',
          entityRefs: ['component:default/seikyu-kanri-robo'],
          severity: 'sev3',
          detection: 'monitoring_alert',
          startedAt: '2026-11-01T00:00:00Z',
        });
      expect(created.status).toBe(201);
      const id = created.body.id;

      const winners: string[] = [];
      for (const version of [1, 2, 3]) {
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            request(server)
              .patch(`/api/postmortems/postmortems/${id}`)
              .set('Authorization', auth)
              .send({ version, title: `v${version} by racer ${i}` }),
          ),
        );
        const statuses = responses.map(r => r.status).sort();
        expect(statuses).toEqual([200, ...Array(9).fill(409)]);
        const winner = responses.find(r => r.status === 200)!;
        expect(winner.body.version).toBe(version + 1);
        winners.push(winner.body.title);
      }

      const stored = await request(server)
        .get(`/api/postmortems/postmortems/${id}`)
        .set('Authorization', auth);
      expect(stored.body).toMatchObject({ version: 4, title: winners[2] });

      const revisions = await request(server)
        .get(`/api/postmortems/postmortems/${id}/revisions`)
        .set('Authorization', auth);
      expect(
        revisions.body.items.map((r: any) => [
          r.version,
          r.action,
          r.snapshot.title,
        ]),
      ).toEqual([
        [1, 'created', 'race'],
        [2, 'updated', winners[0]],
        [3, 'updated', winners[1]],
        [4, 'updated', winners[2]],
      ]);
      await knex.destroy();
    });
  },
);

describe.each(databases.eachSupportedId())(
  'concurrent writers on %p',
  databaseId => {
    it('create and re-tag different postmortems at the same time without deadlocks', async () => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [postmortemsPlugin, mockServices.database.factory({ knex })],
      });
      const auth = mockCredentials.user.header('user:default/hanako.yamada');
      const refs = ['a', 'b', 'c', 'd'].map(n => `component:default/${n}`);

      const created = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          request(server)
            .post('/api/postmortems/postmortems')
            .set('Authorization', auth)
            .send({
              title: `同時作成 ${i}`,
              entityRefs: [refs[i % 4], refs[(i + 1) % 4]],
              severity: 'sev3',
              detection: 'monitoring_alert',
              startedAt: '2026-11-01T00:00:00Z',
              tags: ['batch', `t${i % 3}`],
            }),
        ),
      );
      expect(created.map(r => r.status)).toEqual(Array(16).fill(201));

      const updated = await Promise.all(
        created.map((r, i) =>
          request(server)
            .patch(`/api/postmortems/postmortems/${r.body.id}`)
            .set('Authorization', auth)
            .send({
              version: 1,
              entityRefs: [refs[(i + 2) % 4]],
              tags: [`t${(i + 1) % 3}`, 'queue'],
            }),
        ),
      );
      expect(updated.map(r => r.status)).toEqual(Array(16).fill(200));

      const count = async (query: string) =>
        (
          await request(server)
            .get(`/api/postmortems/postmortems?${query}`)
            .set('Authorization', auth)
        ).body.totalCount;
      expect(await count(`entityRef=${refs[0]}`)).toBe(4);
      expect(await count('tag=batch')).toBe(0);
      expect(await count('tag=queue')).toBe(16);
      expect(await count('tag=t0')).toBe(5);
      await knex.destroy();
    });
  },
);
