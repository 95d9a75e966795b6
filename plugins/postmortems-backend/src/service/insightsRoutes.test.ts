import { mockCredentials } from '@backstage/backend-test-utils';
import { insightsSchema } from '@postmortems/backstage-plugin-postmortems-common';
import request from 'supertest';
import { startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { RouterUnderTest, startRouter } from '../__testUtils__/router';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** The fields a 400 names. */
function fieldsOf(response: request.Response): string[] {
  expect(response.status).toBe(400);
  return response.body.error.fields.map((f: { field: string }) => f.field);
}

describe('GET /insights', () => {
  let api: RouterUnderTest;

  beforeAll(async () => {
    // The router's clock: 2026-12-10T03:00Z, 12:00 on the 10th in Tokyo.
    api = await startRouter({ databases, timezone: 'Asia/Tokyo' });
  });

  it('rejects a bad range, naming the field', async () => {
    expect(
      fieldsOf(await api.get('/insights?from=2026-11&to=2026-10')),
    ).toEqual(['to']);
    // 61 months.
    expect(
      fieldsOf(await api.get('/insights?from=2021-11&to=2026-11')),
    ).toEqual(['from']);
    // Only `from`: against this month, the default of `to`.
    expect(fieldsOf(await api.get('/insights?from=2027-01'))).toEqual(['from']);
    expect(fieldsOf(await api.get('/insights?from=2021-11'))).toEqual(['from']);
    for (const [query, field] of [
      ['from=2026-13', 'from'],
      ['from=2026-1', 'from'],
      ['to=2026-11-01', 'to'],
      ['to=november', 'to'],
      ['entityRef=seikyu-kanri-robo', 'entityRef.0'],
      ['entityRef[kind]=component', 'entityRef.0'],
      ['month=2026-11', 'month'],
      ['months=0', 'months'],
      ['months=61', 'months'],
      ['months=1.5', 'months'],
      ['months=12&from=2026-01', 'months'],
    ]) {
      expect([query, fieldsOf(await api.get(`/insights?${query}`))]).toEqual([
        query,
        [field],
      ]);
    }
    const backwards = await api.get('/insights?from=2026-11&to=2026-10');
    expect(backwards.body.error).toMatchObject({
      name: 'InputError',
      message: 'Invalid request: to: must not be before from',
    });
  });

  it('takes the last twelve months of the zone by default, and five years at most', async () => {
    const defaults = await api.get('/insights');
    expect(defaults.status).toBe(200);
    expect(insightsSchema.parse(defaults.body)).toEqual(defaults.body);
    expect(defaults.body.range).toEqual({
      from: '2026-01',
      to: '2026-12',
      timezone: 'Asia/Tokyo',
    });
    expect(defaults.body.incidents).toHaveLength(12);
    expect(defaults.body.entityRefs).toEqual([]);

    // Already January in Tokyo, still December in UTC.
    api.setNow('2026-12-31T15:30:00Z');
    const newYear = await api.get('/insights?to=2027-01');
    expect(newYear.body.range).toMatchObject({
      from: '2026-02',
      to: '2027-01',
    });
    expect((await api.get('/insights')).body.range).toMatchObject({
      from: '2026-02',
      to: '2027-01',
    });
    api.setNow('2026-12-10T03:00:00Z');

    const fiveYears = await api.get('/insights?from=2021-12&to=2026-11');
    expect(fiveYears.status).toBe(200);
    expect(fiveYears.body.incidents).toHaveLength(60);
    // The last n months of the zone, up to this month or to `to`.
    api.setNow('2026-12-31T15:30:00Z');
    expect((await api.get('/insights?months=6')).body.range).toMatchObject({
      from: '2026-08',
      to: '2027-01',
    });
    api.setNow('2026-12-10T03:00:00Z');
    expect(
      (await api.get('/insights?months=24&to=2026-06')).body.range,
    ).toMatchObject({ from: '2024-07', to: '2026-06' });
    const onlyFrom = await api.get('/insights?from=2026-12');
    expect(onlyFrom.body.range).toMatchObject({
      from: '2026-12',
      to: '2026-12',
    });
  });

  it('normalises and dedupes the entities of the scope', async () => {
    const response = await api.get(
      '/insights?entityRef=Component:Default/Seikyu-Kanri-Robo&entityRef=component:default/seikyu-kanri-robo&entityRef=component:default/billing-batch-worker&from=2026-10&to=2026-12',
    );
    expect(response.status).toBe(200);
    expect(response.body.entityRefs).toEqual([
      'component:default/seikyu-kanri-robo',
      'component:default/billing-batch-worker',
    ]);
    expect(
      response.body.durations.map((d: { quarter: string }) => d.quarter),
    ).toEqual(['2026-Q4']);
  });

  it('needs Backstage credentials', async () => {
    const { server, get } = await startBackend();
    const anonymous = await request(server)
      .get('/api/postmortems/insights')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    expect((await get('/insights')).status).toBe(200);
  });
});
