import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PostmortemsClient } from './PostmortemsClient';

const BASE = 'http://localhost:7007/api/postmortems';
const ID = '4a5b3c3e-7f55-4a0e-9d2f-1c1e2b8a9f01';

describe('PostmortemsClient, Markdown', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new PostmortemsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it("downloads one postmortem's Markdown in the UI's language, named by the server", async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE}/postmortems/:id/export.md`, ({ request }) => {
        url = new URL(request.url);
        return new HttpResponse('---\ntitle: 滞留\n---\n', {
          headers: {
            'Content-Type': 'text/markdown; charset=utf-8',
            'Content-Disposition':
              'attachment; filename="2026-10-01-postmortem-4a5b3c3e.md"',
          },
        });
      }),
    );
    const file = await client.exportPostmortemMarkdown(ID, {
      language: 'ja-JP',
    });
    expect(url?.pathname).toBe(`/api/postmortems/postmortems/${ID}/export.md`);
    expect(url?.searchParams.get('lang')).toBe('ja');
    expect(file.filename).toBe('2026-10-01-postmortem-4a5b3c3e.md');
    expect(await file.blob.text()).toBe('---\ntitle: 滞留\n---\n');
  });

  it("downloads a list's zip with its filters", async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE}/postmortems/export.zip`, ({ request }) => {
        url = new URL(request.url);
        return new HttpResponse(new Uint8Array([0x50, 0x4b, 5, 6]), {
          headers: { 'Content-Type': 'application/zip' },
        });
      }),
    );
    const file = await client.exportPostmortemsArchive(
      {
        entityRef: ['component:default/a', 'component:default/b'],
        severity: 'sev1',
        q: '滞留',
      },
      { language: 'en' },
    );
    expect(url?.searchParams.getAll('entityRef')).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    expect(url?.searchParams.get('severity')).toBe('sev1');
    expect(url?.searchParams.get('q')).toBe('滞留');
    expect(url?.searchParams.get('lang')).toBe('en');
    expect(url?.searchParams.has('deleted')).toBe(false);
    // Without a name from the server, a name of its own.
    expect(file.filename).toBe('postmortems.zip');
    expect(file.blob.size).toBe(4);
  });

  it('posts the files to import and rejects a 400 with a ResponseError', async () => {
    let body: unknown;
    server.use(
      http.post(`${BASE}/postmortems/import`, async ({ request }) => {
        body = await request.json();
        if ((body as { files: unknown[] }).files.length === 0) {
          return HttpResponse.json(
            {
              error: {
                name: 'InputError',
                message: 'Invalid request: files: must hold at least one file',
                fields: [
                  { field: 'files', message: 'must hold at least one file' },
                ],
              },
              response: { statusCode: 400 },
            },
            { status: 400 },
          );
        }
        return HttpResponse.json({ dryRun: true, items: [] });
      }),
    );
    const request = {
      files: [{ name: 'a.md', content: '# A' }],
      dryRun: true,
      defaults: { severity: 'sev3' as const },
    };
    expect(await client.importPostmortems(request)).toEqual({
      dryRun: true,
      items: [],
    });
    expect(body).toEqual(request);
    const error = await client.importPostmortems({ files: [] }).catch(e => e);
    expect(ResponseError.is(error) && error.statusCode).toBe(400);
  });
});
