import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import searchPlugin from '@backstage/plugin-search-backend';
import request from 'supertest';
import { searchModuleCjkEngine } from './module';

function start(cjk?: object) {
  return startTestBackend({
    features: [
      searchPlugin,
      searchModuleCjkEngine,
      mockServices.rootConfig.factory({ data: { search: { cjk } } }),
    ],
  });
}

describe('searchModuleCjkEngine', () => {
  it('serves the search API with Lunr on a database that is not PostgreSQL', async () => {
    const { server } = await start();
    const response = await request(server)
      .get('/api/search/query')
      .query({ term: '滞留' })
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([]);
  });

  it('refuses an engine it does not know, and PostgreSQL where there is none', async () => {
    await expect(start({ engine: 'elastic' })).rejects.toThrow(
      'search.cjk.engine: "elastic" is not one of auto, lunr, pg',
    );
    await expect(start({ engine: 'pg' })).rejects.toThrow(
      'search.cjk.engine: "pg" needs the search plugin to use PostgreSQL 12 or newer',
    );
  });
});
