import { sreBookTemplate } from '@postmortems/backstage-plugin-postmortems-common';
import { ReadOptions, readMarkdownFile } from './importMarkdown';

const options: ReadOptions = {
  templates: [sreBookTemplate],
  defaults: {
    entityRefs: ['component:default/seikyu-kanri-robo'],
    severity: 'sev2' as const,
    detection: 'customer_report' as const,
  },
  lang: 'en' as const,
};

function read(content: string, more: Partial<ReadOptions> = {}) {
  return readMarkdownFile(content, { ...options, ...more });
}

describe('readMarkdownFile', () => {
  it('reads plain Markdown with Japanese headings: title, sections, timeline, checklist', () => {
    const result = read(
      [
        '# 非同期ジョブのキュー滞留',
        '',
        '## サマリ',
        '',
        'キューにジョブが滞留した。',
        '',
        '```',
        '## 根本原因 (in code, not a heading)',
        '```',
        '',
        '## ｺﾝﾎﾟﾝ原因', // not a section: stays text of the summary
        '',
        '## 根本原因',
        'キャパシティ不足。',
        '### 詳細',
        '同時実行数の上限。',
        '',
        '## タイムライン',
        '',
        '- 2026-10-01T10:00:00+09:00 — ジョブが滞留し始めた',
        '- 2026-10-01T11:30:00+09:00 — 顧客から問い合わせ',
        '  二行目',
        '',
        '## アクションアイテム',
        '',
        '- [ ] キューの監視を追加',
        '  - owner: group:default/sre · due: 2026-12-01 · priority: high · kind: detect',
        '',
        '  アラートの閾値は 100 件。',
        '- [x] 手動で再実行',
        '- ドキュメントを書く',
      ].join('\n'),
    );
    expect(result).toEqual({
      input: expect.objectContaining({
        title: '非同期ジョブのキュー滞留',
        entityRefs: ['component:default/seikyu-kanri-robo'],
        status: 'draft',
        template: 'sre-book',
        // No startedAt anywhere: the timeline's first entry.
        startedAt: '2026-10-01T01:00:00.000Z',
        sections: {
          summary:
            'キューにジョブが滞留した。\n\n```\n## 根本原因 (in code, not a heading)\n```\n\n## ｺﾝﾎﾟﾝ原因',
          rootCauses: 'キャパシティ不足。\n### 詳細\n同時実行数の上限。',
        },
        timeline: [
          { at: '2026-10-01T01:00:00.000Z', text: 'ジョブが滞留し始めた' },
          {
            at: '2026-10-01T02:30:00.000Z',
            text: '顧客から問い合わせ\n二行目',
          },
        ],
      }),
      actionItems: [
        {
          title: 'キューの監視を追加',
          status: 'open',
          owner: 'group:default/sre',
          dueDate: '2026-12-01',
          priority: 'high',
          kind: 'detect',
          description: 'アラートの閾値は 100 件。',
        },
        { title: '手動で再実行', status: 'done' },
        { title: 'ドキュメントを書く', status: 'open' },
      ],
    });
  });

  it('reads English headings in any case and width, and text before them as the summary', () => {
    const result = read(
      [
        '# Card payments declined',
        'Payments failed for an hour.',
        '## ROOT CAUSES',
        'A certificate expired.',
        '## Ｗｈａｔ ｗｅｎｔ ｗｅｌｌ:',
        'Rollback was quick.',
        '## Action Items',
        '- [X] Renew the certificate',
      ].join('\n'),
      { defaults: { ...options.defaults, startedAt: '2026-09-01T00:00:00Z' } },
    );
    expect(result).toMatchObject({
      input: {
        title: 'Card payments declined',
        startedAt: '2026-09-01T00:00:00.000Z',
        sections: {
          summary: 'Payments failed for an hour.',
          rootCauses: 'A certificate expired.',
          wentWell: 'Rollback was quick.',
        },
        timeline: [],
      },
      actionItems: [{ title: 'Renew the certificate', status: 'done' }],
    });
  });

  it('names every field it cannot fill or accept', () => {
    const result = read(
      [
        '---',
        'severity: sev9',
        'colour: red',
        'actionItems:',
        '  - title: ok',
        '  - title: ""',
        '    dueDate: 2026-02-30',
        '---',
        '## Summary',
        'x',
        '## Summary',
        'again',
      ].join('\n'),
      { defaults: {} },
    );
    expect(
      'errors' in result && result.errors.map(e => e.field).sort(),
    ).toEqual([
      'actionItems.1.dueDate',
      'actionItems.1.title',
      'colour',
      'detection',
      'entityRefs',
      'sections.summary',
      'severity',
      'startedAt',
      'title',
    ]);
  });

  it('checks the time order, the template and its sections as the create route does', () => {
    const times = read(
      '---\ntitle: t\nstartedAt: 2026-10-01T10:00:00Z\ndetectedAt: 2026-10-01T09:00:00Z\n---\n',
    );
    expect(times).toEqual({
      errors: [
        expect.objectContaining({ field: 'detectedAt', code: 'not_before' }),
      ],
    });
    const template = read(
      '---\ntitle: t\nstartedAt: 2026-10-01T10:00:00Z\ntemplate: nope\n---\n',
    );
    expect(template).toEqual({
      errors: [
        expect.objectContaining({
          field: 'template',
          code: 'unknown_template',
        }),
      ],
    });
    const section = read(
      '---\ntitle: t\nstartedAt: 2026-10-01T10:00:00Z\nsections:\n  colour: red\n---\n',
    );
    expect(section).toEqual({
      errors: [
        expect.objectContaining({
          field: 'sections.colour',
          code: 'unknown_section',
        }),
      ],
    });
  });

  it('rejects front matter that is not a YAML mapping, and stray lines in the lists', () => {
    expect(read('---\ntitle: [unclosed\n---\n')).toEqual({
      errors: [expect.objectContaining({ field: 'frontMatter' })],
    });
    expect(read('---\n- a\n---\n')).toEqual({
      errors: [expect.objectContaining({ field: 'frontMatter' })],
    });
    const stray = read(
      '# T\n## Timeline\n- 2026-10-01T10:00:00Z — a\nnot an entry\n## Action items\nprose\n',
    );
    expect('errors' in stray && stray.errors.map(e => e.field)).toEqual([
      'timeline',
      'actionItems',
    ]);
    const badTime = read('# T\n## Timeline\n- yesterday — a\n');
    expect('errors' in badTime && badTime.errors.map(e => e.field)).toEqual([
      'startedAt',
      'timeline.0.at',
    ]);
  });
});
