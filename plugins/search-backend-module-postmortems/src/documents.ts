/*
 * What a postmortem and an action item become in the portal's search index.
 */

import { parseEntityRef } from '@backstage/catalog-model';
import {
  ActionItem,
  Postmortem,
  PostmortemActionItemDocument,
  PostmortemDocument,
} from '@postmortems/backstage-plugin-postmortems-common';

/**
 * Markdown as the plain text a search result shows and an engine indexes:
 * without markup, links as their text, one line per block.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1') // fenced code: its content
    .replace(/<[^>]+>/g, ' ') // HTML tags
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '') // headings, quotes, lists
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, '') // table rules
    .replace(/\|/g, ' ')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,!?:;]|$)/g, '$1$2')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The app path of a postmortem. */
export function postmortemLocation(template: string, id: string): string {
  return template.replace(':id', encodeURIComponent(id));
}

function titlesOf(refs: string[], titles: Map<string, string>): string[] {
  return refs.map(ref => titles.get(ref) ?? parseEntityRef(ref).name);
}

/** A postmortem's search document. */
export function postmortemDocument(
  postmortem: Postmortem,
  options: { locationTemplate: string; entityTitles: Map<string, string> },
): PostmortemDocument {
  const { summary, ...others } = postmortem.sections;
  const text = [summary, ...Object.values(others)]
    .filter(Boolean)
    .map(markdownToText)
    .join('\n');
  return {
    title: postmortem.title,
    text,
    location: postmortemLocation(options.locationTemplate, postmortem.id),
    entityRefs: postmortem.entityRefs,
    entityTitles: titlesOf(postmortem.entityRefs, options.entityTitles),
    severity: postmortem.severity,
    status: postmortem.status,
    detection: postmortem.detection,
    startedAt: postmortem.startedAt,
    tags: postmortem.tags,
    openActionItems: postmortem.actionItemCounts.open,
  };
}

/** An action item's search document; its location opens it on its postmortem. */
export function actionItemDocument(
  item: ActionItem,
  options: { locationTemplate: string; entityTitles: Map<string, string> },
): PostmortemActionItemDocument {
  return {
    title: item.title,
    text: markdownToText(item.description ?? ''),
    location: `${postmortemLocation(
      options.locationTemplate,
      item.postmortemId,
    )}?actionItem=${encodeURIComponent(item.id)}`,
    postmortemId: item.postmortemId,
    postmortemTitle: item.postmortemTitle,
    status: item.status,
    owner: item.owner ?? '',
    dueDate: item.dueDate ?? '',
    overdue: item.overdue,
    entityRefs: item.entityRefs,
    entityTitles: titlesOf(item.entityRefs, options.entityTitles),
  };
}
