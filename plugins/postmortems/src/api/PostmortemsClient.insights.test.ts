import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { makeInsights } from '../__testUtils__/insights';
import { PostmortemsClient } from './PostmortemsClient';

const BASE = 'http://localhost:7007/api/postmortems';

describe('PostmortemsClient, insights', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new PostmortemsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('asks for the insights of entities with repeated entityRef and a month range', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE}/insights`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(makeInsights());
      }),
    );

    const insights = await client.getInsights({
      entityRef: ['component:default/seikyu-kanri-robo', 'system:default/請求'],
      from: '2026-01',
      to: '2026-06',
    });

    expect(insights.reading.share).toBe(0.25);
    expect(url?.searchParams.getAll('entityRef')).toEqual([
      'component:default/seikyu-kanri-robo',
      'system:default/請求',
    ]);
    expect(url?.searchParams.get('from')).toBe('2026-01');
    expect(url?.searchParams.get('to')).toBe('2026-06');
  });

  it('asks for the whole portal without entityRef, and the default range without from and to', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE}/insights`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(makeInsights({ entityRefs: [] }));
      }),
    );

    await client.getInsights();

    expect(url?.search).toBe('');
  });

  it('rejects with a ResponseError naming the field on 400', async () => {
    server.use(
      http.get(`${BASE}/insights`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Invalid request: to: must not be before from',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    const error = await client
      .getInsights({ from: '2026-06', to: '2026-01' })
      .catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toMatch(/to: must not be before from/);
  });
});
