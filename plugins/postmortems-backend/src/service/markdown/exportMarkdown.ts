/*
 * One postmortem as a Markdown file: YAML front matter with every field
 * (timeline and action items included, so that an import gives them back
 * exactly), then the body a person reads: the title, the sections under
 * their template titles in the template's order, the timeline and the
 * action items as a checklist.
 */

import {
  ActionItem,
  Postmortem,
  PostmortemTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';
import { stringify } from 'yaml';
import {
  DETAIL_KEYS,
  DETAIL_SEPARATOR,
  Lang,
  PART_TITLES,
  TIMELINE_SEPARATOR,
  sectionTitle,
} from './format';

/** The front matter fields in the order they are written. */
const FIELD_ORDER = [
  'id',
  'title',
  'entityRefs',
  'status',
  'severity',
  'detection',
  'startedAt',
  'detectedAt',
  'mitigatedAt',
  'resolvedAt',
  'template',
  'tags',
  'authors',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'version',
] as const;

const ACTION_ITEM_FIELDS = [
  'title',
  'status',
  'priority',
  'kind',
  'owner',
  'dueDate',
  'externalUrl',
  'description',
] as const;

/** Continuation lines of a list entry, indented under it. */
function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map(line => (line ? `${by}${line}` : ''))
    .join('\n');
}

function frontMatterOf(
  postmortem: Postmortem,
  actionItems: ActionItem[],
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of FIELD_ORDER) {
    if (postmortem[field] !== undefined) {
      fields[field] = postmortem[field];
    }
  }
  fields.timeline = postmortem.timeline;
  fields.actionItems = actionItems.map(item => {
    const kept: Record<string, unknown> = {};
    for (const field of ACTION_ITEM_FIELDS) {
      if (item[field] !== undefined) {
        kept[field] = item[field];
      }
    }
    return kept;
  });
  return fields;
}

function checklistEntry(item: ActionItem): string {
  const done = item.status === 'done' || item.status === 'wont_do';
  const details = (
    ['status', 'owner', 'dueDate', 'priority', 'kind', 'externalUrl'] as const
  )
    .filter(field => item[field] !== undefined)
    .map(field => `${DETAIL_KEYS[field]}: ${item[field]}`)
    .join(DETAIL_SEPARATOR);
  const lines = [`- [${done ? 'x' : ' '}] ${item.title}`, `  - ${details}`];
  if (item.description) {
    lines.push('', indent(item.description, '  '));
  }
  return lines.join('\n');
}

/**
 * The Markdown file of a postmortem and its action items, with headings in
 * `lang`. Sections follow the template's order; keys the template does not
 * know (from a template since removed from app-config) come last, under
 * their key.
 */
export function exportMarkdown(
  postmortem: Postmortem,
  unsorted: ActionItem[],
  template: PostmortemTemplate | undefined,
  lang: Lang,
): string {
  // By what they say (due date, undated last, then title), not by id or
  // creation time, so that a file exported again after an import is the
  // same file.
  const actionItems = [...unsorted].sort(
    (a, b) =>
      (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
      (a.title < b.title ? -1 : Number(a.title > b.title)),
  );
  const keys = Object.keys(postmortem.sections);
  const order = template?.sections.map(s => s.key) ?? [];
  const sorted = [
    ...order.filter(key => keys.includes(key)),
    ...keys.filter(key => !order.includes(key)),
  ];
  const parts: string[] = [
    `---\n${stringify(frontMatterOf(postmortem, actionItems), {
      lineWidth: 0,
    })}---`,
    `# ${postmortem.title}`,
  ];
  for (const key of sorted) {
    const text = postmortem.sections[key].trim();
    parts.push(
      `## ${sectionTitle(template, key, lang)}${text ? `\n\n${text}` : ''}`,
    );
  }
  if (postmortem.timeline.length > 0) {
    parts.push(
      `## ${PART_TITLES.timeline[lang]}\n\n${postmortem.timeline
        .map(
          entry =>
            `- ${entry.at}${TIMELINE_SEPARATOR}${indent(
              entry.text,
              '  ',
            ).trimStart()}`,
        )
        .join('\n')}`,
    );
  }
  if (actionItems.length > 0) {
    parts.push(
      `## ${PART_TITLES.actionItems[lang]}\n\n${actionItems
        .map(checklistEntry)
        .join('\n')}`,
    );
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * The letters and digits of a title, lower-cased, as a file name part;
 * `postmortem` when there are none (a title in Japanese).
 */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'postmortem';
}

/**
 * A safe file name for a postmortem: `<started date>-<slug>-<short id>.md`,
 * ASCII only, so that it is the same in every browser, zip tool and file
 * system. `idLength` lengthens the id part when a short one is taken.
 */
export function markdownFileName(
  postmortem: Pick<Postmortem, 'id' | 'title' | 'startedAt'>,
  idLength = 8,
): string {
  const date = postmortem.startedAt.slice(0, 10);
  const id = postmortem.id.replace(/-/g, '').slice(0, idLength);
  return `${date}-${slugOf(postmortem.title)}-${id}.md`;
}
