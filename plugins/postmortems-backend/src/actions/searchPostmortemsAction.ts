import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  DETECTIONS,
  POSTMORTEM_STATUSES,
  SEVERITIES,
  listPostmortemsQuerySchema,
} from '@postmortems/backstage-plugin-postmortems-common';
import { parse } from '../service/requests';
import { ActionsContext, authorizeRead, queryValue } from './ActionsContext';
import {
  postmortemSummary,
  postmortemSummarySchema,
  totalCountCappedSchema,
} from './outputs';

/**
 * `search-postmortems`: the filters of `GET /postmortems`, answered with
 * short entries and links.
 */
export function registerSearchPostmortemsAction(
  actionsRegistry: ActionsRegistryService,
  context: ActionsContext,
) {
  actionsRegistry.register({
    name: 'search-postmortems',
    title: 'Search postmortems',
    description: `Searches the postmortems (incident reviews) written in Backstage, newest incident first.
Use it to answer "has this happened before?", "what went wrong with <service>?" or "which sev1 incidents did we have last quarter?".
\`q\` finds a word or phrase anywhere in the title or the sections, in any language (Japanese too, e.g. 滞留) and case; it is a substring match, so use one distinctive word rather than a sentence.
\`entityRef\` narrows to postmortems about catalog entities (refs with kind, e.g. component:default/seikyu-kanri-robo); \`from\`/\`to\` narrow by when the incident started.
Each result has a short excerpt and a link to show the person; call get-postmortem with its id for the whole postmortem.
When \`nextCursor\` is set there are more results: call again with the same filters and that \`cursor\`.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          q: z
            .string()
            .optional()
            .describe(
              'A word or phrase in the title or any section, any language and case (at most 200 characters)',
            ),
          entityRef: z
            .union([z.string(), z.array(z.string())])
            .optional()
            .describe(
              'About any of these catalog entities: refs with kind, e.g. component:default/seikyu-kanri-robo',
            ),
          status: z
            .enum(POSTMORTEM_STATUSES)
            .optional()
            .describe('Only drafts, ones in review, or published ones'),
          severity: z
            .enum(SEVERITIES)
            .optional()
            .describe('Only this severity; sev1 is the worst'),
          detection: z
            .enum(DETECTIONS)
            .optional()
            .describe('Only incidents noticed this way'),
          tag: z.string().optional().describe('Only with this tag'),
          from: z
            .string()
            .optional()
            .describe(
              'Incidents that started at or after this ISO 8601 time with offset, e.g. 2026-01-01T00:00:00+09:00',
            ),
          to: z
            .string()
            .optional()
            .describe('Incidents that started before this ISO 8601 time'),
          limit: z
            .number()
            .int()
            .optional()
            .describe('How many results, 1 to 100; 20 when left out'),
          cursor: z
            .string()
            .optional()
            .describe('The nextCursor of the previous page'),
        }),
      output: z =>
        z.object({
          items: z.array(postmortemSummarySchema(z)),
          totalCount: z
            .number()
            .describe('How many postmortems match, on all pages'),
          totalCountCapped: totalCountCappedSchema(z),
          nextCursor: z
            .string()
            .optional()
            .describe('Pass as cursor for the next page; absent on the last'),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeRead(context, credentials);
      const { entityRef, ...filter } = parse(listPostmortemsQuerySchema, {
        ...input,
        limit: queryValue(input.limit),
      });
      const page = await context.stores.postmortems.listPostmortems({
        ...filter,
        entityRefs: entityRef,
      });
      return {
        output: {
          items: page.items.map(p =>
            postmortemSummary(p, context.appBaseUrl, filter.q),
          ),
          totalCount: page.totalCount,
          totalCountCapped: page.totalCountCapped,
          nextCursor: page.nextCursor,
        },
      };
    },
  });
}
