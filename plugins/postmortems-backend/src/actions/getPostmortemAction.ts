import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ActionItem,
  DETECTIONS,
  POSTMORTEM_STATUSES,
  Postmortem,
  SEVERITIES,
  idParamsSchema,
} from '@postmortems/backstage-plugin-postmortems-common';
import { postmortemUrl } from '../service/calendar';
import { found, parse } from '../service/requests';
import { ActionsContext, authorizeRead } from './ActionsContext';
import { actionItemFields, actionItemOutput } from './outputs';

const LANGUAGES = ['en', 'ja'] as const;
type Language = (typeof LANGUAGES)[number];

/** The text in `language`, else in English, else in any language. */
function localized(text: Record<string, string>, language: Language) {
  return text[language] ?? text.en ?? Object.values(text)[0];
}

/**
 * The sections with text, in the order of the postmortem's template, then
 * any the template does not know (it may have changed since), by key.
 */
function sectionsOf(
  context: ActionsContext,
  postmortem: Postmortem,
  language: Language,
) {
  const template = context.templates.find(t => t.id === postmortem.template);
  const known = template?.sections ?? [];
  const withText = (key: string) => !!postmortem.sections[key]?.trim();
  return [
    ...known
      .filter(s => withText(s.key))
      .map(s => ({
        key: s.key,
        title: localized(s.title, language) ?? s.key,
        markdown: postmortem.sections[s.key],
      })),
    ...Object.keys(postmortem.sections)
      .filter(key => withText(key) && !known.some(s => s.key === key))
      .sort()
      .map(key => ({ key, title: key, markdown: postmortem.sections[key] })),
  ];
}

/** Every action item of the postmortem, page by page. */
async function allActionItems(context: ActionsContext, postmortemId: string) {
  const items: ActionItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await context.stores.actionItems.listActionItems({
      postmortemId,
      limit: 100,
      cursor,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** `get-postmortem`: one postmortem, whole. */
export function registerGetPostmortemAction(
  actionsRegistry: ActionsRegistryService,
  context: ActionsContext,
) {
  actionsRegistry.register({
    name: 'get-postmortem',
    title: 'Get a postmortem',
    description: `Gets one postmortem (incident review) by its id, with everything in it: the incident's times, severity and affected catalog entities, every section (summary, impact, root causes, … as Markdown, under the section titles of its template), the timeline, and all its action items with their status, owner and due date.
Use it after search-postmortems to read a postmortem in full, e.g. to explain its root causes or what was done about it.
\`language\` chooses the language of the section titles (en or ja); the sections themselves are as written.
Show the person the \`link\` to the postmortem's page.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          id: z
            .string()
            .describe(
              'The postmortem’s id (a UUID), e.g. from search-postmortems',
            ),
          language: z
            .enum(LANGUAGES)
            .optional()
            .describe('The language of the section titles; en when left out'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          link: z.string().describe('The postmortem’s page in Backstage'),
          entityRefs: z
            .array(z.string())
            .describe('The catalog entities it is about'),
          status: z.enum(POSTMORTEM_STATUSES),
          severity: z.enum(SEVERITIES).describe('sev1 is the worst'),
          detection: z
            .enum(DETECTIONS)
            .describe('How the incident was noticed'),
          startedAt: z.string().describe('ISO 8601 UTC, as all times here'),
          detectedAt: z.string().optional(),
          mitigatedAt: z.string().optional(),
          resolvedAt: z.string().optional(),
          template: z.object({ id: z.string(), title: z.string() }),
          sections: z
            .array(
              z.object({
                key: z.string(),
                title: z.string().describe('The template’s title of it'),
                markdown: z.string(),
              }),
            )
            .describe('The sections with text, in the template’s order'),
          timeline: z.array(z.object({ at: z.string(), text: z.string() })),
          tags: z.array(z.string()),
          authors: z.array(z.string()).describe('User refs'),
          actionItemCounts: z.object({
            open: z.number(),
            overdue: z.number(),
            done: z.number(),
            total: z.number(),
          }),
          readings: z
            .object({ count: z.number(), lastReadAt: z.string().optional() })
            .optional()
            .describe(
              'How often it was read in a reading session, and when last',
            ),
          actionItems: z.array(z.object(actionItemFields(z))),
          createdAt: z.string(),
          createdBy: z.string(),
          updatedAt: z.string(),
          updatedBy: z.string(),
          version: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeRead(context, credentials);
      const { id } = parse(idParamsSchema, { id: input.id });
      const language = input.language ?? 'en';
      const postmortem = found(
        await context.stores.postmortems.getPostmortem(id),
        'Postmortem',
        id,
      );
      const template = context.templates.find(
        t => t.id === postmortem.template,
      );
      const actionItems = await allActionItems(context, id);
      return {
        output: {
          id: postmortem.id,
          title: postmortem.title,
          link: postmortemUrl(context.appBaseUrl, postmortem.id),
          entityRefs: postmortem.entityRefs,
          status: postmortem.status,
          severity: postmortem.severity,
          detection: postmortem.detection,
          startedAt: postmortem.startedAt,
          detectedAt: postmortem.detectedAt,
          mitigatedAt: postmortem.mitigatedAt,
          resolvedAt: postmortem.resolvedAt,
          template: {
            id: postmortem.template,
            title: template
              ? localized(template.title, language) ?? template.id
              : postmortem.template,
          },
          sections: sectionsOf(context, postmortem, language),
          timeline: postmortem.timeline,
          tags: postmortem.tags,
          authors: postmortem.authors,
          actionItemCounts: postmortem.actionItemCounts,
          readings: postmortem.readings,
          actionItems: actionItems.map(actionItemOutput),
          createdAt: postmortem.createdAt,
          createdBy: postmortem.createdBy,
          updatedAt: postmortem.updatedAt,
          updatedBy: postmortem.updatedBy,
          version: postmortem.version,
        },
      };
    },
  });
}
