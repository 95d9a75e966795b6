/*
 * What export and import agree on: the headings besides the template's
 * sections, the keys of an action item's detail line, and the front matter
 * fields that describe a stored postmortem rather than what is imported.
 */

import { PostmortemTemplate } from '@postmortems/backstage-plugin-postmortems-common';

/** A language the export writes headings in. */
export type Lang = 'en' | 'ja';

/** The headings of the parts that are not template sections. */
export const PART_TITLES = {
  timeline: { en: 'Timeline', ja: 'タイムライン' },
  actionItems: { en: 'Action items', ja: 'アクションアイテム' },
} as const;

/**
 * The keys of the detail line under a checklist entry
 * (`  - status: in_progress · owner: group:default/sre · due: 2026-12-01`),
 * the same in every language so that a file reads back anywhere.
 */
export const DETAIL_KEYS = {
  status: 'status',
  owner: 'owner',
  dueDate: 'due',
  priority: 'priority',
  kind: 'kind',
  externalUrl: 'link',
} as const;

/** What separates the details of an action item on its detail line. */
export const DETAIL_SEPARATOR = ' · ';

/** What separates a timeline entry's time from its text. */
export const TIMELINE_SEPARATOR = ' — ';

/**
 * Front matter fields that say what the postmortem was where it came
 * from; written for people and tools, ignored on import (which creates a
 * new postmortem, by the importer).
 */
export const INFORMATIONAL_FIELDS = [
  'id',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'version',
  'deletedAt',
  'deletedBy',
  'actionItemCounts',
  'readings',
] as const;

/** A section's title in `lang`, else in English, else its key. */
export function sectionTitle(
  template: PostmortemTemplate | undefined,
  key: string,
  lang: Lang,
): string {
  const section = template?.sections.find(s => s.key === key);
  return section?.title[lang] ?? section?.title.en ?? key;
}
