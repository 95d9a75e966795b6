import type {
  PostmortemTemplate,
  PostmortemTemplateSection,
} from './schemas/templates';

/**
 * The id of the template used when a postmortem names none.
 *
 * @public
 */
export const DEFAULT_TEMPLATE_ID = 'sre-book';

/**
 * The postmortem format of the Google SRE book (Appendix D).
 *
 * @public
 */
export const sreBookTemplate: PostmortemTemplate = {
  id: DEFAULT_TEMPLATE_ID,
  title: { en: 'SRE book postmortem', ja: 'SRE本のポストモーテム' },
  sections: [
    {
      key: 'summary',
      title: { en: 'Summary', ja: 'サマリ' },
      description: {
        en: 'What happened, in a few sentences.',
        ja: '何が起きたかを数文で。',
      },
    },
    {
      key: 'impact',
      title: { en: 'Impact', ja: 'インパクト' },
      description: {
        en: 'Who and what was affected, for how long.',
        ja: '誰に何の影響が、どれだけの時間あったか。',
      },
    },
    {
      key: 'trigger',
      title: { en: 'Trigger', ja: '直接原因' },
      description: {
        en: 'What set the incident off.',
        ja: 'インシデントの引き金になったこと。',
      },
    },
    {
      key: 'rootCauses',
      title: { en: 'Root causes', ja: '根本原因' },
      description: {
        en: 'Why it could happen: systems and processes, not people.',
        ja: 'なぜ起こり得たのか。人ではなくシステムとプロセスに注目する。',
      },
    },
    {
      key: 'mitigation',
      title: { en: 'Mitigation', ja: '暫定対応' },
      description: {
        en: 'What stopped the bleeding.',
        ja: '影響を止めるために行ったこと。',
      },
    },
    {
      key: 'permanentFix',
      title: { en: 'Permanent fix', ja: '恒久対応' },
      description: {
        en: 'What keeps it from happening again.',
        ja: '再発を防ぐための対応。',
      },
    },
    {
      key: 'detection',
      title: { en: 'Detection', ja: '検出' },
      description: {
        en: 'How and when we found out.',
        ja: 'どのように、いつ気づいたか。',
      },
    },
    {
      key: 'wentWell',
      title: { en: 'What went well', ja: 'うまくいったこと' },
    },
    {
      key: 'wentWrong',
      title: { en: 'What went wrong', ja: 'うまくいかなかったこと' },
    },
    {
      key: 'gotLucky',
      title: { en: 'Where we got lucky', ja: '幸運だったこと' },
    },
  ],
};

/**
 * The title of a template section in the given language, falling back to
 * English and then to the section key.
 *
 * @public
 */
export function sectionTitle(
  section: PostmortemTemplateSection,
  language: string,
): string {
  return section.title[language] ?? section.title.en ?? section.key;
}
