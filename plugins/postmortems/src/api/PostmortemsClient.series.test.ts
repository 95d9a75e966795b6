import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { makeReadingSession } from '../__testUtils__/fixtures';
import { PostmortemsClient } from './PostmortemsClient';

const BASE = 'http://localhost:7007/api/postmortems';
const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

describe('PostmortemsClient, series and calendars', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const sent: Request[] = [];
  const client = new PostmortemsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: {
      fetch: (input, init) => {
        // What the fetch API (which adds the credentials) is given.
        sent.push(new Request(input, init));
        return fetch(input, init);
      },
    },
  });

  beforeEach(() => {
    sent.length = 0;
  });

  it('schedules a series with the rule as JSON and answers the created sessions and skipped months', async () => {
    let body: unknown;
    server.use(
      http.post(`${BASE}/reading-sessions/series`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          {
            seriesId: 's',
            items: [makeReadingSession({ seriesId: 's' })],
            skippedMonths: ['2027-03'],
          },
          { status: 201 },
        );
      }),
    );
    const request = {
      ownerGroup: 'group:default/sre',
      rule: {
        weekday: 'thursday',
        week: 1,
        time: '16:00',
        timezone: 'Asia/Tokyo',
      },
      months: 12,
      startMonth: '2027-01',
    } as const;
    const answer = await client.createReadingSessionSeries(request);
    expect(body).toEqual(request);
    expect(answer.skippedMonths).toEqual(['2027-03']);
    expect(answer.items[0].seriesId).toBe('s');
    expect(sent[0].headers.get('content-type')).toBe('application/json');
  });

  it('reads the calendars as text through the fetch API, in the language asked for', async () => {
    const urls: URL[] = [];
    server.use(
      http.get(`${BASE}/reading-sessions/calendar.ics`, ({ request }) => {
        urls.push(new URL(request.url));
        return new HttpResponse(ICS, {
          headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
        });
      }),
      http.get(`${BASE}/reading-sessions/:id/calendar.ics`, ({ request }) => {
        urls.push(new URL(request.url));
        return new HttpResponse(ICS, {
          headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
        });
      }),
    );
    expect(await client.getReadingSessionCalendar('a b')).toBe(ICS);
    expect(
      await client.getGroupCalendar('group:default/sre', { language: 'ja-JP' }),
    ).toBe(ICS);
    expect(
      await client.getReadingSessionCalendar('s1', { language: 'en' }),
    ).toBe(ICS);
    expect(urls.map(u => `${u.pathname}${u.search}`)).toEqual([
      '/api/postmortems/reading-sessions/a%20b/calendar.ics',
      '/api/postmortems/reading-sessions/calendar.ics?ownerGroup=group%3Adefault%2Fsre&lang=ja',
      '/api/postmortems/reading-sessions/s1/calendar.ics?lang=en',
    ]);
    expect(sent).toHaveLength(3);
  });

  it('rejects with the ResponseError of a failed calendar', async () => {
    server.use(
      http.get(`${BASE}/reading-sessions/:id/calendar.ics`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'Reading session x not found',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await expect(client.getReadingSessionCalendar('x')).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
