/*
 * One Markdown file read as a postmortem to import: front matter as the
 * export writes it, or plain Markdown whose `#` title and `##` headings are
 * matched to the template's sections, timeline and action items; the
 * request's defaults fill what neither gives. The result is checked with the
 * schemas and rules of `POST /postmortems` and of action item creation, and
 * every problem names the field of the file it is about.
 */

import {
  DEFAULT_TEMPLATE_ID,
  FieldError,
  ImportDefaults,
  PostmortemTemplate,
  createActionItemRequestSchema,
  createPostmortemRequestSchema,
  fieldErrorsOfIssues,
} from '@postmortems/backstage-plugin-postmortems-common';
import {
  ActionItemInput,
  PostmortemInput,
} from '@postmortems/backstage-plugin-postmortems-node';
import { parse as parseYaml } from 'yaml';
import { checkPostmortem, postmortemInputOf } from '../postmortemsRoutes';
import {
  DETAIL_KEYS,
  DETAIL_SEPARATOR,
  INFORMATIONAL_FIELDS,
  Lang,
  PART_TITLES,
} from './format';
import { normalizeHeading, splitMarkdown } from './splitMarkdown';

/** At most this many action items per file. */
export const MAX_IMPORT_ACTION_ITEMS = 200;

/**
 * An action item as a file gives it: what `POST
 * /postmortems/:id/action-items` takes, but without a reading session,
 * which belongs to the app the file came from.
 */
const importedActionItemSchema = createActionItemRequestSchema.omit({
  readingSessionId: true,
});

/** What a file is read as: a postmortem to write, or why it cannot be. */
export type ReadFile =
  | { input: PostmortemInput; actionItems: ActionItemInput[] }
  | { errors: FieldError[] };

/** What reading a file needs besides the file. */
export interface ReadOptions {
  templates: PostmortemTemplate[];
  /** The request's defaults, parsed. */
  defaults: ImportDefaults;
  /** The language whose headings are tried first. */
  lang: Lang;
}

type Part =
  | { kind: 'section'; key: string }
  | { kind: 'timeline' }
  | { kind: 'actionItems' };

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Normalised heading → the part it starts, `lang`'s titles first. */
function partsByHeading(
  template: PostmortemTemplate | undefined,
  lang: Lang,
): Map<string, Part> {
  const parts = new Map<string, Part>();
  const add = (title: string, part: Part) => {
    const key = normalizeHeading(title);
    if (key && !parts.has(key)) {
      parts.set(key, part);
    }
  };
  const languages = (titles: Record<string, string>) =>
    Object.entries(titles).sort(
      ([a], [b]) => Number(b === lang) - Number(a === lang),
    );
  for (const section of template?.sections ?? []) {
    for (const [, title] of languages(section.title)) {
      add(title, { kind: 'section', key: section.key });
    }
  }
  for (const part of ['timeline', 'actionItems'] as const) {
    for (const [, title] of languages(PART_TITLES[part])) {
      add(title, { kind: part });
    }
  }
  for (const section of template?.sections ?? []) {
    add(section.key, { kind: 'section', key: section.key });
  }
  return parts;
}

/** The lines without the blank ones at either end, joined. */
function blockText(lines: string[]): string {
  return lines.join('\n').trim();
}

const LIST_ENTRY = /^ {0,3}[-*+][ \t]+(.*)$/;
const CHECKLIST_ENTRY = /^\[([ xX])\][ \t]+(.*)$/;
const TIMELINE_ENTRY = /^(\S+)[ \t]+(?:—|–|--?)[ \t]+([\s\S]*)$/;
const INDENTED = /^(?: {2,}|\t)/;

/** Removes one list level of indentation (two spaces or a tab). */
function unindent(line: string): string {
  return line.replace(/^(?: {1,4}|\t)/, '');
}

/** `- <time> — text` entries; a continuation is indented under its entry. */
function readTimeline(
  lines: string[],
  errors: FieldError[],
): Array<{ at: string; text: string }> {
  const entries: Array<{ at: string; lines: string[] }> = [];
  for (const line of lines) {
    const entry = LIST_ENTRY.exec(line);
    if (entry && !INDENTED.test(line)) {
      const match = TIMELINE_ENTRY.exec(entry[1]);
      entries.push(
        match
          ? { at: match[1], lines: [match[2]] }
          : { at: entry[1].trim(), lines: [] },
      );
    } else if (line.trim() === '' || (entries.length && INDENTED.test(line))) {
      entries[entries.length - 1]?.lines.push(unindent(line));
    } else {
      errors.push({
        field: 'timeline',
        code: 'not_a_list_entry',
        message: `"${line
          .trim()
          .slice(0, 80)}" is not an entry "- <ISO time> — text"`,
      });
    }
  }
  return entries.map(e => ({ at: e.at, text: blockText(e.lines) }));
}

const DETAIL_FIELDS = Object.fromEntries(
  Object.entries(DETAIL_KEYS).map(([field, key]) => [key, field]),
) as Record<string, keyof typeof DETAIL_KEYS>;

/**
 * The detail line of a checklist entry as fields, or undefined when the
 * line is not one (then it is the start of the description).
 */
function detailsOf(line: string): Record<string, string> | undefined {
  const entry = LIST_ENTRY.exec(unindent(line));
  if (!entry) {
    return undefined;
  }
  const details: Record<string, string> = {};
  for (const pair of entry[1].split(DETAIL_SEPARATOR.trim())) {
    const match = /^\s*([a-z]+):\s*(.*?)\s*$/i.exec(pair);
    const field = match && DETAIL_FIELDS[match[1].toLowerCase()];
    if (!field) {
      return undefined;
    }
    details[field] = match[2];
  }
  return details;
}

/**
 * `- [ ] title` / `- [x] title` entries (a plain `- title` is an open one),
 * each optionally with a detail line and an indented description.
 */
function readChecklist(lines: string[], errors: FieldError[]): unknown[] {
  const items: Array<{
    item: Record<string, unknown>;
    checked: boolean;
    description: string[];
    details: boolean;
  }> = [];
  for (const line of lines) {
    const entry = LIST_ENTRY.exec(line);
    const current = items[items.length - 1];
    if (entry && !INDENTED.test(line)) {
      const box = CHECKLIST_ENTRY.exec(entry[1]);
      items.push({
        item: { title: box ? box[2] : entry[1] },
        checked: !!box && box[1].toLowerCase() === 'x',
        description: [],
        details: false,
      });
    } else if (current && INDENTED.test(line)) {
      const details =
        !current.details && current.description.every(l => l.trim() === '')
          ? detailsOf(line)
          : undefined;
      if (details) {
        Object.assign(current.item, details);
        current.details = true;
      } else {
        current.description.push(unindent(line));
      }
    } else if (line.trim() === '') {
      current?.description.push('');
    } else {
      errors.push({
        field: 'actionItems',
        code: 'not_a_list_entry',
        message: `"${line
          .trim()
          .slice(0, 80)}" is not a checklist entry "- [ ] title"`,
      });
    }
  }
  return items.map(({ item, checked, description }) => {
    const text = blockText(description);
    return {
      ...item,
      status: item.status ?? (checked ? 'done' : 'open'),
      ...(text ? { description: text } : {}),
    };
  });
}

/** The body's title, sections, timeline and checklist. */
function readBody(
  lines: string[],
  headings: ReturnType<typeof splitMarkdown>['headings'],
  template: PostmortemTemplate | undefined,
  lang: Lang,
  errors: FieldError[],
) {
  const parts = partsByHeading(template, lang);
  const starts: Array<{ line: number; part: Part; heading: string }> = [];
  let title: { text: string; line: number } | undefined;
  for (const heading of headings) {
    const part =
      heading.level === 2 && parts.get(normalizeHeading(heading.text));
    if (part) {
      starts.push({ line: heading.line, part, heading: heading.text });
    } else if (heading.level === 1 && !title && starts.length === 0) {
      title = { text: heading.text, line: heading.line };
    }
  }
  const preamble = lines
    .slice(0, starts[0]?.line ?? lines.length)
    .filter((_, i) => i !== title?.line);

  const sections: Record<string, string> = {};
  let timeline: Array<{ at: string; text: string }> | undefined;
  let actionItems: unknown[] | undefined;
  const seen = new Set<string>();
  starts.forEach((start, i) => {
    const body = lines.slice(start.line + 1, starts[i + 1]?.line);
    const id = start.part.kind === 'section' ? start.part.key : start.part.kind;
    const field =
      start.part.kind === 'section' ? `sections.${start.part.key}` : id;
    if (seen.has(id)) {
      errors.push({
        field,
        code: 'duplicate_heading',
        message: `a second heading "## ${start.heading}" for the same part`,
      });
      return;
    }
    seen.add(id);
    if (start.part.kind === 'section') {
      sections[start.part.key] = blockText(body);
    } else if (start.part.kind === 'timeline') {
      timeline = readTimeline(body, errors);
    } else {
      actionItems = readChecklist(body, errors);
    }
  });

  // Text between the title and the first heading is the first section's
  // (the summary, in the SRE book template): plain files often start so.
  const lead = blockText(preamble);
  const first = template?.sections[0]?.key;
  if (lead && first) {
    sections[first] = [lead, sections[first]].filter(Boolean).join('\n\n');
  } else if (lead) {
    errors.push({
      field: 'sections',
      code: 'unknown_section',
      message: 'text before the first section heading',
    });
  }
  return { title: title?.text, sections, timeline, actionItems };
}

const REQUIRED_HINTS: Record<string, string> = {
  title: 'missing: give front matter `title` or a `# Title` heading',
  entityRefs:
    'missing: give front matter `entityRefs` or `defaults.entityRefs` in the request',
  severity:
    'missing: give front matter `severity` or `defaults.severity` in the request',
  detection:
    'missing: give front matter `detection` or `defaults.detection` in the request',
  startedAt:
    'missing: give front matter `startedAt`, a timeline, or `defaults.startedAt` in the request',
};

/** The earliest valid time of the timeline, the incident's start at the latest. */
function earliest(timeline: Array<{ at?: unknown }> | undefined) {
  const times = (timeline ?? [])
    .map(entry => (typeof entry?.at === 'string' ? entry.at : ''))
    .filter(at => !Number.isNaN(Date.parse(at)) && /T/.test(at));
  return times.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

/**
 * Reads a file as a postmortem and its action items, checked as
 * `POST /postmortems` and `POST /postmortems/:id/action-items` check them;
 * or every problem found, each naming its field.
 */
export function readMarkdownFile(
  content: string,
  options: ReadOptions,
): ReadFile {
  const errors: FieldError[] = [];
  const { frontMatter, lines, headings } = splitMarkdown(content);
  let front: Record<string, unknown> = {};
  if (frontMatter !== undefined) {
    try {
      const value = parseYaml(frontMatter);
      if (isMapping(value)) {
        front = value;
      } else if (value !== null && value !== undefined) {
        return {
          errors: [
            {
              field: 'frontMatter',
              code: 'front_matter',
              message: 'must be a YAML mapping of fields',
            },
          ],
        };
      }
    } catch (error) {
      return {
        errors: [
          {
            field: 'frontMatter',
            code: 'front_matter',
            message: `not valid YAML: ${
              String((error as Error).message).split('\n')[0]
            }`,
          },
        ],
      };
    }
  }
  for (const field of INFORMATIONAL_FIELDS) {
    delete front[field];
  }
  const {
    actionItems: frontItems,
    timeline: frontTimeline,
    sections: frontSections,
    ...fields
  } = front;

  const templateId =
    typeof fields.template === 'string'
      ? fields.template
      : options.defaults.template ?? DEFAULT_TEMPLATE_ID;
  const template = options.templates.find(t => t.id === templateId);
  const body = readBody(lines, headings, template, options.lang, errors);

  const timeline = frontTimeline ?? body.timeline;
  const candidate: Record<string, unknown> = {
    ...options.defaults,
    ...fields,
    title: fields.title ?? body.title,
    sections:
      frontSections === undefined || isMapping(frontSections)
        ? { ...(frontSections ?? {}), ...body.sections }
        : frontSections,
    ...(timeline !== undefined ? { timeline } : {}),
  };
  if (candidate.startedAt === undefined && Array.isArray(timeline)) {
    candidate.startedAt = earliest(timeline);
  }
  const missing = Object.keys(REQUIRED_HINTS).filter(
    field => candidate[field] === undefined,
  );
  for (const field of missing) {
    delete candidate[field];
    errors.push({ field, code: 'required', message: REQUIRED_HINTS[field] });
  }

  const parsed = createPostmortemRequestSchema.safeParse(candidate);
  let input: PostmortemInput | undefined;
  if (parsed.success) {
    input = postmortemInputOf(parsed.data);
    try {
      checkPostmortem(options, input);
    } catch (error) {
      errors.push(...((error as { fields?: FieldError[] }).fields ?? []));
    }
  } else {
    errors.push(
      ...fieldErrorsOfIssues(parsed.error.issues).filter(
        e => !missing.includes(e.field),
      ),
    );
  }

  const items = frontItems ?? body.actionItems ?? [];
  const actionItems: ActionItemInput[] = [];
  if (!Array.isArray(items)) {
    errors.push({
      field: 'actionItems',
      code: 'invalid_type',
      message: 'must be a list of action items',
    });
  } else if (items.length > MAX_IMPORT_ACTION_ITEMS) {
    errors.push({
      field: 'actionItems',
      code: 'too_big',
      message: `must be at most ${MAX_IMPORT_ACTION_ITEMS} action items`,
      params: { maximum: MAX_IMPORT_ACTION_ITEMS },
    });
  } else {
    items.forEach((item, index) => {
      const result = importedActionItemSchema.safeParse(item);
      if (result.success) {
        actionItems.push(result.data);
      } else {
        errors.push(
          ...fieldErrorsOfIssues(result.error.issues).map(e => ({
            ...e,
            field:
              e.field === 'body'
                ? `actionItems.${index}`
                : `actionItems.${index}.${e.field}`,
          })),
        );
      }
    });
  }

  if (errors.length > 0 || !input) {
    return { errors };
  }
  return { input, actionItems };
}
