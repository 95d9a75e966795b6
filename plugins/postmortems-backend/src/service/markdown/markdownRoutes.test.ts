import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  importMarkdownResponseSchema,
  sreBookTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import yauzl from 'yauzl';
import { createTestDatabases } from '../../__testUtils__/databases';
import {
  DatabaseStores,
  createDatabaseStores,
} from '../../database/createDatabaseStores';
import { createRouter } from '../router';
import { headingsOf } from './splitMarkdown';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const HANAKO = 'user:default/hanako.yamada';

const full = {
  title: '非同期ジョブのキュー滞留',
  entityRefs: [
    'component:default/seikyu-kanri-robo',
    'resource:default/billing-batch-queue',
  ],
  status: 'published',
  severity: 'sev2',
  detection: 'customer_report',
  startedAt: '2026-10-01T10:00:00+09:00',
  detectedAt: '2026-10-01T11:30:00+09:00',
  mitigatedAt: '2026-10-01T12:00:00+09:00',
  resolvedAt: '2026-10-01T15:00:00+09:00',
  sections: {
    // Out of the template's order on purpose; the export sorts them.
    rootCauses:
      '同時実行数の上限が低すぎた。\n\n```yaml\n# not a heading\n## nor this\n```',
    summary: 'キューにジョブが滞留し、請求書の作成が遅れた。',
    wentWell: '- 手動での再実行が早かった\n- 顧客への連絡',
  },
  timeline: [
    { at: '2026-10-01T10:00:00+09:00', text: 'ジョブが滞留し始めた' },
    { at: '2026-10-01T11:30:00+09:00', text: '顧客から問い合わせ\n— 電話で' },
  ],
  tags: ['batch', 'aws'],
  authors: ['hanako.yamada', 'user:default/taro'],
};

const items = [
  {
    title: 'キューの滞留を監視する',
    description: 'アラートの閾値は **100 件**。\n\n- PagerDuty に送る',
    owner: 'group:default/sre',
    dueDate: '2026-12-01',
    status: 'in_progress',
    priority: 'high',
    kind: 'detect',
    externalUrl: 'https://github.com/example/billing/issues/1',
  },
  { title: '手動で再実行した', status: 'done', kind: 'mitigate' },
  { title: 'Runbook', status: 'wont_do', priority: 'low' },
];

/** What an import must give back: everything but the record fields. */
function content(postmortem: Record<string, unknown>) {
  const { id, createdAt, createdBy, updatedAt, updatedBy, version, ...rest } =
    postmortem;
  return rest;
}

function itemContent(item: Record<string, unknown>) {
  const {
    id,
    postmortemId,
    createdAt,
    createdBy,
    updatedAt,
    updatedBy,
    version,
    completedAt,
    ...rest
  } = item;
  return rest;
}

/** The entries of a zip: name → text. */
function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) {
        reject(error);
        return;
      }
      const entries = new Map<string, string>();
      zip.on('entry', entry => {
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) {
            reject(openError);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', chunk => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function binary(
  res: request.Response,
  done: (e: Error | null, b?: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe.each(databases.eachSupportedId())(
  'Markdown export and import on %p',
  databaseId => {
    let knex: Knex;
    let stores: DatabaseStores;
    let app: express.Express;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const database = {
        getClient: async () => knex,
      } as unknown as DatabaseService;
      stores = await createDatabaseStores({ database });
      const router = await createRouter({
        auditor: mockServices.auditor.mock(),
        httpAuth: mockServices.httpAuth({
          defaultCredentials: mockCredentials.user(HANAKO),
        }),
        logger: mockServices.logger.mock(),
        permissions: mockServices.permissions(),
        stores,
        templates: [sreBookTemplate],
        timezone: 'Asia/Tokyo',
      });
      app = express().use(router).use(mockErrorHandler());
    });

    beforeEach(async () => {
      for (const table of [
        'action_items',
        'reading_sessions',
        'postmortem_revisions',
        'postmortem_entities',
        'postmortem_tags',
        'postmortems',
      ]) {
        await knex(table).delete();
      }
    });

    afterAll(async () => {
      await knex.destroy();
    });

    async function create(body: object = full, withItems = items) {
      const created = await request(app).post('/postmortems').send(body);
      expect(created.status).toBe(201);
      for (const item of withItems) {
        const res = await request(app)
          .post(`/postmortems/${created.body.id}/action-items`)
          .send(item);
        expect(res.status).toBe(201);
      }
      return (await request(app).get(`/postmortems/${created.body.id}`)).body;
    }

    async function actionItemsOf(id: string) {
      const res = await request(app).get(`/postmortems/${id}/action-items`);
      // Undated items come in id order, which an import does not keep.
      return res.body.items
        .map(itemContent)
        .sort((a: { title: string }, b: { title: string }) =>
          a.title.localeCompare(b.title),
        );
    }

    async function countRows() {
      const counts: Record<string, number> = {};
      for (const table of [
        'postmortems',
        'postmortem_revisions',
        'postmortem_entities',
        'postmortem_tags',
        'action_items',
      ]) {
        const [{ n }] = await knex(table).count('* as n');
        counts[table] = Number(n);
      }
      return counts;
    }

    async function importFiles(body: object) {
      const res = await request(app).post('/postmortems/import').send(body);
      if (res.status === 200) {
        // The answer is the documented shape.
        expect(importMarkdownResponseSchema.safeParse(res.body).error).toBe(
          undefined,
        );
      }
      return res;
    }

    it.each(['en', 'ja'] as const)(
      'round trip in %s: export → delete → import gives back the same postmortem',
      async lang => {
        const original = await create();
        const originalItems = await actionItemsOf(original.id);

        const exported = await request(app).get(
          `/postmortems/${original.id}/export.md?lang=${lang}`,
        );
        expect(exported.status).toBe(200);
        expect(exported.headers['content-type']).toBe(
          'text/markdown; charset=utf-8',
        );
        expect(exported.headers['access-control-expose-headers']).toBe(
          'Content-Disposition',
        );
        expect(exported.headers['content-disposition']).toBe(
          `attachment; filename="2026-10-01-postmortem-${original.id
            .replace(/-/g, '')
            .slice(0, 8)}.md"`,
        );
        const file = exported.text;
        const [, yaml] = /^---\n([\s\S]*?)\n---\n/.exec(file)!;
        expect(parseYaml(yaml)).toMatchObject({
          id: original.id,
          title: full.title,
          severity: 'sev2',
          startedAt: '2026-10-01T01:00:00.000Z',
          version: original.version,
          actionItems: [
            expect.objectContaining({ title: 'キューの滞留を監視する' }),
            expect.anything(),
            expect.anything(),
          ],
        });
        // Outside code blocks: the section text holds a fenced `## nor this`.
        const headings = headingsOf(file.split('\n'))
          .filter(h => h.level === 2)
          .map(h => `## ${h.text}`);
        expect(headings).toEqual(
          lang === 'ja'
            ? [
                '## サマリ',
                '## 根本原因',
                '## うまくいったこと',
                '## タイムライン',
                '## アクションアイテム',
              ]
            : [
                '## Summary',
                '## Root causes',
                '## What went well',
                '## Timeline',
                '## Action items',
              ],
        );
        expect(file).toContain(
          '- 2026-10-01T01:00:00.000Z — ジョブが滞留し始めた',
        );
        expect(file).toContain('- [ ] キューの滞留を監視する');
        expect(file).toContain('- [x] 手動で再実行した');

        await request(app).delete(`/postmortems/${original.id}`).expect(204);
        const res = await importFiles({
          files: [{ name: 'exported.md', content: file }],
        });
        expect(res.status).toBe(200);
        expect(res.body.items).toEqual([
          expect.objectContaining({ file: 'exported.md', result: 'imported' }),
        ]);
        const id = res.body.items[0].postmortem.id;
        expect(id).not.toBe(original.id);
        const imported = (await request(app).get(`/postmortems/${id}`)).body;
        expect(content(imported)).toEqual(content(original));
        expect(imported.createdBy).toBe(HANAKO);
        expect(await actionItemsOf(id)).toEqual(originalItems);

        // And the file it exports now is the same, but for the record fields.
        const again = await request(app).get(
          `/postmortems/${id}/export.md?lang=${lang}`,
        );
        const body = (text: string) =>
          text.replace(/^---\n[\s\S]*?\n---\n/, '');
        expect(body(again.text)).toEqual(body(file));
      },
    );

    it.each([
      [
        'en',
        [
          '# Card payments declined',
          '',
          '## Summary',
          'Payments failed for an hour.',
          '## Root Causes',
          'A certificate expired.',
          '## Timeline',
          '- 2026-09-01T09:00:00+09:00 — first failure',
          '## Action items',
          '- [ ] Alert on certificate expiry',
          '  - owner: group:default/sre · due: 2026-12-01 · priority: high',
          '- [x] Renew the certificate',
        ],
        {
          summary: 'Payments failed for an hour.',
          rootCauses: 'A certificate expired.',
        },
      ],
      [
        'ja',
        [
          '# カード決済の失敗',
          '',
          '## サマリ',
          '一時間、決済が失敗した。',
          '## 根本原因',
          '証明書の期限切れ。',
          '## タイムライン',
          '- 2026-09-01T09:00:00+09:00 — 最初の失敗',
          '## アクションアイテム',
          '- [ ] 証明書の期限を監視する',
          '  - owner: group:default/sre · due: 2026-12-01 · priority: high',
          '- [x] 証明書を更新する',
        ],
        {
          summary: '一時間、決済が失敗した。',
          rootCauses: '証明書の期限切れ。',
        },
      ],
    ])(
      'imports plain Markdown with %s headings, the request filling what it lacks',
      async (lang, lines, sections) => {
        const res = await importFiles({
          files: [{ name: `${lang}.md`, content: lines.join('\n') }],
          defaults: {
            entityRefs: ['Component:Default/Payment-Gateway'],
            severity: 'sev1',
            detection: 'monitoring_alert',
            status: 'in_review',
          },
        });
        expect(res.status).toBe(200);
        const [result] = res.body.items;
        expect(result.result).toBe('imported');
        const stored = (
          await request(app).get(`/postmortems/${result.postmortem.id}`)
        ).body;
        expect(stored).toMatchObject({
          title: lines[0].slice(2),
          entityRefs: ['component:default/payment-gateway'],
          severity: 'sev1',
          detection: 'monitoring_alert',
          status: 'in_review',
          startedAt: '2026-09-01T00:00:00.000Z',
          sections,
          actionItemCounts: { open: 1, done: 1, total: 2 },
        });
        expect(await actionItemsOf(stored.id)).toMatchObject([
          {
            status: 'open',
            owner: 'group:default/sre',
            dueDate: '2026-12-01',
            priority: 'high',
          },
          { status: 'done' },
        ]);
      },
    );

    it('rejects a bad file naming the file and the field, writes nothing for it, and imports the others', async () => {
      const before = await countRows();
      const res = await importFiles({
        files: [
          {
            name: 'bad.md',
            content: '---\ntitle: t\nseverity: sev9\n---\n## Summary\nx\n',
          },
          {
            name: 'bad-item.md',
            content: [
              '---',
              'title: 監視の穴',
              'startedAt: 2026-10-02T00:00:00Z',
              'actionItems:',
              '  - title: ok',
              '  - title: bad link',
              '    externalUrl: javascript:alert(1)',
              '---',
            ].join('\n'),
          },
          { name: 'good.md', content: '# Good\n## Summary\nfine\n' },
        ],
        defaults: {
          entityRefs: ['component:default/x'],
          severity: 'sev3',
          detection: 'other',
          startedAt: '2026-10-03T00:00:00Z',
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        {
          file: 'bad.md',
          result: 'rejected',
          errors: [expect.objectContaining({ field: 'severity' })],
        },
        {
          file: 'bad-item.md',
          result: 'rejected',
          errors: [
            expect.objectContaining({
              field: 'actionItems.1.externalUrl',
              code: 'url',
            }),
          ],
        },
        expect.objectContaining({ file: 'good.md', result: 'imported' }),
      ]);
      const after = await countRows();
      expect(after.postmortems).toBe(before.postmortems + 1);
      expect(after.action_items).toBe(before.action_items);
    });

    it('previews in a dry run and writes nothing', async () => {
      const before = await countRows();
      const res = await importFiles({
        dryRun: true,
        files: [
          {
            name: 'a.md',
            content: '# A\n## サマリ\nx\n## Action items\n- [ ] y\n',
          },
        ],
        defaults: {
          entityRefs: ['component:default/x'],
          severity: 'sev3',
          detection: 'other',
          startedAt: '2026-10-03T00:00:00Z',
        },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        dryRun: true,
        items: [
          {
            file: 'a.md',
            result: 'ready',
            postmortem: expect.objectContaining({
              title: 'A',
              sections: { summary: 'x' },
              actionItems: [{ title: 'y', status: 'open' }],
            }),
          },
        ],
      });
      expect(res.body.items[0].postmortem).not.toHaveProperty('id');
      expect(await countRows()).toEqual(before);
    });

    it('reports duplicates, of live postmortems and within the request, and writes them once', async () => {
      const existing = await create(full, []);
      const file = (
        await request(app).get(`/postmortems/${existing.id}/export.md`)
      ).text;
      const other = file.replace(full.title, 'Another incident');
      for (const dryRun of [true, false]) {
        const res = await importFiles({
          dryRun,
          files: [
            { name: 'same.md', content: file },
            { name: 'other.md', content: other },
            { name: 'other-again.md', content: other },
          ],
        });
        expect(res.body.items).toEqual([
          expect.objectContaining({
            file: 'same.md',
            result: 'duplicate',
            duplicateOf: existing.id,
          }),
          expect.objectContaining({
            file: 'other.md',
            result: dryRun ? 'ready' : 'imported',
          }),
          expect.objectContaining({
            file: 'other-again.md',
            result: 'duplicate',
            duplicateOfFile: 'other.md',
          }),
        ]);
      }
      const list = await request(app).get('/postmortems');
      expect(
        list.body.items.map((p: { title: string }) => p.title).sort(),
      ).toEqual(['Another incident', full.title].sort());
      // Once imported, the other file is a duplicate too.
      const third = await importFiles({
        files: [{ name: 'o.md', content: other }],
      });
      expect(third.body.items[0].result).toBe('duplicate');
    });

    it('exports a filtered list as one zip, paging through the store, one file each', async () => {
      const a = await create();
      const b = await create(
        { ...full, title: 'Card payments declined', severity: 'sev1' },
        [],
      );
      // More than a page of others, all with the same title and day.
      for (let i = 0; i < 101; i++) {
        await stores.postmortems.createPostmortem(
          {
            ...full,
            entityRefs: ['component:default/other'],
            title: 'Same title',
            startedAt: new Date(Date.UTC(2026, 9, 1, 0, 0, i)).toISOString(),
            status: 'draft',
            severity: 'sev4',
            detection: 'other',
            template: 'sre-book',
            sections: {},
            timeline: [],
            tags: [],
            authors: [],
          },
          HANAKO,
        );
      }
      const zip = await request(app)
        .get(
          '/postmortems/export.zip?lang=ja&entityRef=component:default/seikyu-kanri-robo',
        )
        .buffer(true)
        .parse(binary);
      expect(zip.status).toBe(200);
      expect(zip.headers['content-type']).toBe('application/zip');
      expect(zip.headers['content-disposition']).toMatch(
        /^attachment; filename="postmortems-\d{4}-\d{2}-\d{2}\.zip"$/,
      );
      const entries = await unzip(zip.body);
      expect([...entries.keys()].sort()).toEqual(
        [a, b]
          .map(
            p =>
              `2026-10-01-${
                p.title === full.title ? 'postmortem' : 'card-payments-declined'
              }-${p.id.replace(/-/g, '').slice(0, 8)}.md`,
          )
          .sort(),
      );
      const file = [...entries.values()].find(text =>
        text.includes('キューの滞留を監視する'),
      )!;
      expect(file).toContain('## サマリ');

      const severity = await request(app)
        .get('/postmortems/export.zip?severity=sev1')
        .buffer(true)
        .parse(binary);
      expect([...(await unzip(severity.body)).keys()]).toEqual([
        expect.stringMatching(/^2026-10-01-card-payments-declined-/),
      ]);

      const all = await request(app)
        .get('/postmortems/export.zip')
        .buffer(true)
        .parse(binary);
      const names = [...(await unzip(all.body)).keys()];
      expect(names).toHaveLength(103);
      expect(new Set(names).size).toBe(103);
    });

    it('rejects bad export queries and unknown postmortems', async () => {
      const { id } = await create(full, []);
      const badLang = await request(app).get(
        `/postmortems/${id}/export.md?lang=fr`,
      );
      expect(badLang.status).toBe(400);
      expect(badLang.body.error.fields[0].field).toBe('lang');
      expect(
        (
          await request(app).get(
            '/postmortems/00000000-0000-4000-8000-000000000000/export.md',
          )
        ).status,
      ).toBe(404);
      const badZip = await request(app).get('/postmortems/export.zip?limit=5');
      expect(badZip.status).toBe(400);
      expect(badZip.body.error.fields[0].field).toBe('limit');
      await request(app).delete(`/postmortems/${id}`).expect(204);
      expect(
        (await request(app).get(`/postmortems/${id}/export.md`)).status,
      ).toBe(404);
    });
  },
);
