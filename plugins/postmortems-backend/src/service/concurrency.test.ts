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
