/*
 * What the actions answer, shared between them: the schemas (built on the
 * zod instance the actions registry hands over, which turns them into the
 * JSON Schema an assistant reads) and the conversions from what the stores
 * return. The registry parses every answer with its schema and drops what the
 * schema does not name, so a field exists here or not at all.
 */

import {
  ACTION_ITEM_KINDS,
  ACTION_ITEM_STATUSES,
  ActionItem,
  DETECTIONS,
  POSTMORTEM_STATUSES,
  PRIORITIES,
  Postmortem,
  READING_SESSION_STATUSES,
  SEVERITIES,
  ReadingSession,
  SuggestionReason,
  TOTAL_COUNT_CAP,
} from '@postmortems/backstage-plugin-postmortems-common';
import type { z as zod } from 'zod/v3';
import { postmortemUrl, sessionUrl } from '../service/calendar';

/** The zod instance of the actions registry. */
export type Zod = typeof zod;

/** A page's `totalCountCapped`: set when the count stopped at its cap. */
export const totalCountCappedSchema = (z: Zod) =>
  z
    .boolean()
    .optional()
    .describe(
      `True when more than totalCount (the cap, ${TOTAL_COUNT_CAP}) match: say "${TOTAL_COUNT_CAP}+"`,
    );

/** How long an excerpt of a section is, at most. */
const EXCERPT_LENGTH = 300;

const SUGGESTION_REASON_CODES = [
  'severity',
  'long_impact',
  'never_read',
  'read_long_ago',
  'open_action_items',
  'overdue_action_items',
  'older_incident',
  'service_not_covered',
  'anniversary',
] as const satisfies ReadonlyArray<SuggestionReason['code']>;

/** A postmortem in a list: enough to choose one, and a link to read it. */
export const postmortemSummarySchema = (z: Zod) =>
  z.object({
    id: z.string().describe('Pass to get-postmortem for every field'),
    title: z.string(),
    entityRefs: z
      .array(z.string())
      .describe('The catalog entities it is about, e.g. component:default/x'),
    severity: z.enum(SEVERITIES).describe('sev1 is the worst'),
    status: z.enum(POSTMORTEM_STATUSES),
    detection: z.enum(DETECTIONS).describe('How the incident was noticed'),
    startedAt: z.string().describe('When the incident started, ISO 8601 UTC'),
    resolvedAt: z.string().optional(),
    tags: z.array(z.string()),
    summary: z
      .string()
      .describe(
        'An excerpt: the start of the summary section; when searching with q, the passage around the first match',
      ),
    link: z
      .string()
      .describe('The postmortem’s page in Backstage, to show the person'),
  });

/** A postmortem in a list. */
export type PostmortemSummary = zod.infer<
  ReturnType<typeof postmortemSummarySchema>
>;

/** An action item, without where it comes from. */
export const actionItemFields = (z: Zod) => ({
  id: z.string(),
  title: z.string(),
  description: z.string().optional().describe('Markdown'),
  status: z.enum(ACTION_ITEM_STATUSES),
  priority: z.enum(PRIORITIES),
  kind: z.enum(ACTION_ITEM_KINDS),
  owner: z
    .string()
    .optional()
    .describe('The user or group ref responsible for it'),
  dueDate: z.string().optional().describe('YYYY-MM-DD'),
  overdue: z.boolean().describe('Not done or won’t do, and due before today'),
  completedAt: z.string().optional(),
  externalUrl: z
    .string()
    .optional()
    .describe('The ticket it is tracked in, if any'),
});

/** The `actionItemFields` of an action item. */
export function actionItemOutput(item: ActionItem) {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    status: item.status,
    priority: item.priority,
    kind: item.kind,
    owner: item.owner,
    dueDate: item.dueDate,
    overdue: item.overdue,
    completedAt: item.completedAt,
    externalUrl: item.externalUrl,
  };
}

/** A reading session, with a link to its page. */
export const readingSessionSchema = (z: Zod) =>
  z.object({
    id: z.string(),
    ownerGroup: z.string(),
    scheduledAt: z.string().describe('ISO 8601 UTC'),
    durationMinutes: z.number(),
    status: z.enum(READING_SESSION_STATUSES),
    facilitator: z.string().optional(),
    participants: z.array(z.string()),
    postmortemId: z.string().optional().describe('The pick, if chosen'),
    link: z.string().describe('The session’s page in Backstage'),
  });

/** A reading session as the actions answer it. */
export function readingSessionOutput(
  session: ReadingSession,
  appBaseUrl: string,
) {
  return {
    id: session.id,
    ownerGroup: session.ownerGroup,
    scheduledAt: session.scheduledAt,
    durationMinutes: session.durationMinutes,
    status: session.status,
    facilitator: session.facilitator,
    participants: session.participants,
    postmortemId: session.postmortemId,
    link: sessionUrl(appBaseUrl, session.id),
  };
}

/** Why a postmortem is suggested: a code and the values it names. */
export const suggestionReasonSchema = (z: Zod) =>
  z.object({
    code: z
      .enum(SUGGESTION_REASON_CODES)
      .describe(
        'severity: a serious incident (see severity); long_impact: the impact lasted `minutes`; never_read: no group has read it together yet; read_long_ago: last read `lastReadAt`, `months` ago; open_action_items / overdue_action_items: `count` of them; older_incident: `months` old, worth a look back; service_not_covered: the group has not read about `entityRef` (for `months`, or never); anniversary: it happened `years` ago this month',
      ),
    severity: z.enum(SEVERITIES).optional(),
    minutes: z.number().optional(),
    lastReadAt: z.string().optional(),
    months: z.number().optional(),
    count: z.number().optional(),
    entityRef: z.string().optional(),
    years: z.number().optional(),
  });

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cut(text: string, start: number): string {
  const end = start + EXCERPT_LENGTH;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${
    end < text.length ? '…' : ''
  }`;
}

/**
 * The excerpt of a postmortem: with `q`, the passage around its first match
 * (the summary searched first, then the other sections); otherwise the start
 * of the summary, or of the first section with text.
 */
export function excerptOf(postmortem: Postmortem, q?: string): string {
  const texts = Object.entries(postmortem.sections)
    .sort(([a], [b]) => Number(b === 'summary') - Number(a === 'summary'))
    .map(([, markdown]) => collapse(markdown))
    .filter(Boolean);
  const needle = q?.trim().toLocaleLowerCase();
  if (needle) {
    for (const text of texts) {
      const at = text.toLocaleLowerCase().indexOf(needle);
      if (at >= 0) {
        // A third of the excerpt before the match, and no less text than
        // fits: a short section comes whole.
        return cut(
          text,
          Math.max(
            0,
            Math.min(at - EXCERPT_LENGTH / 3, text.length - EXCERPT_LENGTH),
          ),
        );
      }
    }
  }
  return texts.length > 0 ? cut(texts[0], 0) : '';
}

/** A postmortem in a list, with a link into the app. */
export function postmortemSummary(
  postmortem: Postmortem,
  appBaseUrl: string,
  q?: string,
): PostmortemSummary {
  return {
    id: postmortem.id,
    title: postmortem.title,
    entityRefs: postmortem.entityRefs,
    severity: postmortem.severity,
    status: postmortem.status,
    detection: postmortem.detection,
    startedAt: postmortem.startedAt,
    resolvedAt: postmortem.resolvedAt,
    tags: postmortem.tags,
    summary: excerptOf(postmortem, q),
    link: postmortemUrl(appBaseUrl, postmortem.id),
  };
}
