/*
 * The portal search's documents of postmortems and their action items: what
 * the search collator module indexes and the frontend's result list items
 * show.
 */

import { IndexableDocument } from '@backstage/plugin-search-common';
import { ActionItem, Postmortem } from './schemas';

/**
 * The document type of postmortems in the portal's search.
 *
 * @public
 */
export const POSTMORTEM_DOCUMENT_TYPE = 'postmortem';

/**
 * The document type of action items in the portal's search.
 *
 * @public
 */
export const ACTION_ITEM_DOCUMENT_TYPE = 'postmortem-action-item';

/**
 * A postmortem in the portal's search: its title, its summary and section
 * text as plain text (summary first), and the facts a result shows.
 *
 * @public
 */
export interface PostmortemDocument extends IndexableDocument {
  /** The entities it names, as full refs. */
  entityRefs: string[];
  /** Their catalog titles (else names), in the same order. */
  entityTitles: string[];
  severity: Postmortem['severity'];
  status: Postmortem['status'];
  detection: Postmortem['detection'];
  /** When the incident started (ISO 8601). */
  startedAt: string;
  tags: string[];
  /** How many of its action items are still open. */
  openActionItems: number;
}

/**
 * An action item in the portal's search.
 *
 * @public
 */
export interface PostmortemActionItemDocument extends IndexableDocument {
  postmortemId: string;
  postmortemTitle: string;
  status: ActionItem['status'];
  /** Its owner (user or group ref), or '' when nobody owns it. */
  owner: string;
  /** `YYYY-MM-DD`, or '' when it has none. */
  dueDate: string;
  overdue: boolean;
  /** The entities of its postmortem. */
  entityRefs: string[];
  /** Their catalog titles (else names), in the same order. */
  entityTitles: string[];
}
