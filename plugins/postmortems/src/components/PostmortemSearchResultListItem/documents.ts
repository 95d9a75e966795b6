import { parseEntityRef } from '@backstage/catalog-model';
import {
  ACTION_ITEM_STATUSES,
  ActionItemStatus,
  POSTMORTEM_STATUSES,
  PostmortemStatus,
  SEVERITIES,
  Severity,
} from '@postmortems/backstage-plugin-postmortems-common';
import { SearchDocument } from '@backstage/plugin-search-common';

export {
  ACTION_ITEM_DOCUMENT_TYPE,
  POSTMORTEM_DOCUMENT_TYPE,
} from '@postmortems/backstage-plugin-postmortems-common';

/*
 * A search document is whatever the engine hands back: Lunr returns the
 * collated object as it was, PostgreSQL its JSON, and an index written by an
 * older collator may lack a field. So every field is read defensively here
 * and the components only ever see well-typed values.
 */

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const strings = (value: unknown): string[] => {
  if (typeof value === 'string') return value ? [value] : [];
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v !== '')
    : [];
};

const oneOf = <T extends string>(
  values: readonly T[],
  value: unknown,
): T | undefined => (values.includes(value as T) ? (value as T) : undefined);

const validDate = (value: unknown): string | undefined => {
  const s = str(value);
  return s && !isNaN(Date.parse(s)) ? s : undefined;
};

/** An entity ref's name, or the ref itself if it is not one. */
function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** A service a result is about: its ref and the name to show. */
export interface ResultService {
  ref?: string;
  title: string;
}

/**
 * The services of a document: the catalog titles the collator found, else
 * the names in the refs.
 */
export function servicesOf(doc: SearchDocument): ResultService[] {
  const refs = strings((doc as any).entityRefs);
  const titles = strings((doc as any).entityTitles);
  if (titles.length > 0) {
    // The collator writes one title per ref, in the same order.
    return titles.map((title, i) => ({ ref: refs[i], title }));
  }
  return refs.map(ref => ({ ref, title: nameOf(ref) }));
}

/** What a postmortem result shows besides its title and snippet. */
export interface PostmortemResultFields {
  services: ResultService[];
  severity?: Severity;
  status?: PostmortemStatus;
  startedAt?: string;
  openActionItems?: number;
}

export function postmortemFieldsOf(
  doc: SearchDocument,
): PostmortemResultFields {
  const d = doc as any;
  const open = Number(d.openActionItems);
  return {
    services: servicesOf(doc),
    severity: oneOf(SEVERITIES, d.severity),
    status: oneOf(POSTMORTEM_STATUSES, d.status),
    startedAt: validDate(d.startedAt),
    openActionItems:
      d.openActionItems !== undefined && Number.isFinite(open)
        ? open
        : undefined,
  };
}

/** What an action item result shows besides its title and snippet. */
export interface ActionItemResultFields {
  services: ResultService[];
  postmortemTitle?: string;
  status?: ActionItemStatus;
  owner?: string;
  dueDate?: string;
}

export function actionItemFieldsOf(
  doc: SearchDocument,
): ActionItemResultFields {
  const d = doc as any;
  const owner = str(d.owner);
  return {
    services: servicesOf(doc),
    postmortemTitle: str(d.postmortemTitle),
    status: oneOf(ACTION_ITEM_STATUSES, d.status),
    owner: owner ? nameOf(owner) : undefined,
    dueDate: validDate(d.dueDate),
  };
}

/** Today as `YYYY-MM-DD` in the browser's time zone. */
function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}

/**
 * Whether an item is still to do and its due day has passed. The index is
 * refreshed on a schedule, so this is decided when the result is shown, not
 * when it was collated.
 */
export function isOverdue(
  fields: ActionItemResultFields,
  now: Date = new Date(),
): boolean {
  if (!fields.dueDate) return false;
  if (fields.status !== 'open' && fields.status !== 'in_progress') {
    return false;
  }
  return fields.dueDate.slice(0, 10) < localToday(now);
}
