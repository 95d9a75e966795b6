import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { postmortemsPlugin } from '../plugin';

describe('postmortems router', () => {
  it('answers /health without credentials and 401 elsewhere', async () => {
    const { server } = await startTestBackend({
      features: [postmortemsPlugin, mockServices.database.factory()],
    });

    const health = await request(server).get('/api/postmortems/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });

    const anonymous = await request(server)
      .get('/api/postmortems/postmortems')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);

    const templates = await request(server)
      .get('/api/postmortems/templates')
      .set('Authorization', mockCredentials.user.header());
    expect(templates.status).toBe(200);
    expect(templates.body.items[0].id).toBe('sre-book');
  });
});
