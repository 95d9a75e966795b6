import { sectionTitle, sreBookTemplate } from './templates';

describe('sreBookTemplate', () => {
  it('has the sections of the SRE book in order, each in English and Japanese', () => {
    expect(sreBookTemplate.sections.map(s => s.key)).toEqual([
      'summary',
      'impact',
      'trigger',
      'rootCauses',
      'mitigation',
      'permanentFix',
      'detection',
      'wentWell',
      'wentWrong',
      'gotLucky',
    ]);
    for (const section of sreBookTemplate.sections) {
      expect(section.title.en).toMatch(/\S/);
      expect(section.title.ja).toMatch(/\S/);
    }
  });

  it('picks the title for a language and falls back to English', () => {
    const rootCauses = sreBookTemplate.sections[3];
    expect(sectionTitle(rootCauses, 'ja')).toBe('根本原因');
    expect(sectionTitle(rootCauses, 'en')).toBe('Root causes');
    expect(sectionTitle(rootCauses, 'fr')).toBe('Root causes');
  });
});
