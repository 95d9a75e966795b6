import { Config } from '@backstage/config';
import {
  PostmortemTemplate,
  invalidRequest,
  sreBookTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';

function languageMap(config: Config | undefined): Record<string, string> {
  if (!config) {
    return {};
  }
  return Object.fromEntries(
    config.keys().map(language => [language, config.getString(language)]),
  );
}

/**
 * The templates postmortems can be written in: the built-in `sre-book`, then
 * those of `postmortems.templates` in app-config. A duplicate id or section
 * key is a configuration mistake, so the backend refuses to start.
 */
export function readTemplates(config: Config): PostmortemTemplate[] {
  const templates: PostmortemTemplate[] = [sreBookTemplate];
  for (const t of config.getOptionalConfigArray('postmortems.templates') ??
    []) {
    const template: PostmortemTemplate = {
      id: t.getString('id'),
      title: languageMap(t.getConfig('title')),
      sections: t.getConfigArray('sections').map(s => {
        const description = s.getOptionalConfig('description');
        return {
          key: s.getString('key'),
          title: languageMap(s.getConfig('title')),
          ...(description ? { description: languageMap(description) } : {}),
        };
      }),
    };
    if (templates.some(other => other.id === template.id)) {
      throw new Error(
        `postmortems.templates: the template id "${template.id}" is used twice`,
      );
    }
    const keys = template.sections.map(s => s.key);
    if (new Set(keys).size !== keys.length) {
      throw new Error(
        `postmortems.templates: template "${template.id}" has a section key twice`,
      );
    }
    templates.push(template);
  }
  return templates;
}

/**
 * Checks that a postmortem names a known template and writes only that
 * template's sections.
 */
export function checkSections(
  templates: PostmortemTemplate[],
  templateId: string,
  sections: Record<string, string>,
) {
  const template = templates.find(t => t.id === templateId);
  if (!template) {
    throw invalidRequest({
      field: 'template',
      code: 'unknown_template',
      params: { template: templateId },
      message: `unknown template "${templateId}" (known: ${templates
        .map(t => t.id)
        .join(', ')})`,
    });
  }
  const keys = new Set(template.sections.map(s => s.key));
  for (const key of Object.keys(sections)) {
    if (!keys.has(key)) {
      throw invalidRequest({
        field: `sections.${key}`,
        code: 'unknown_section',
        params: { template: templateId },
        message: `not a section of template "${templateId}"`,
      });
    }
  }
}
