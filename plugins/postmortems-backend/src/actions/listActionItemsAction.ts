import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ACTION_ITEM_STATUSES,
  invalidRequest,
  listActionItemsQuerySchema,
} from '@postmortems/backstage-plugin-postmortems-common';
import { postmortemUrl } from '../service/calendar';
import { actionItemFilterOf, parse } from '../service/requests';
import { ActionsContext, authorizeRead, queryValue } from './ActionsContext';
import {
  actionItemFields,
  actionItemOutput,
  totalCountCappedSchema,
} from './outputs';

/** What "open" means when no status is asked for: not done, not won't do. */
const OPEN_STATUSES = ['open', 'in_progress'] as const;

/** `list-action-items`: an entity's or an owner's open action items. */
export function registerListActionItemsAction(
  actionsRegistry: ActionsRegistryService,
  context: ActionsContext,
) {
  actionsRegistry.register({
    name: 'list-action-items',
    title: 'List action items',
    description: `Lists the action items of postmortems (the follow-up work an incident review agreed on) for a catalog entity, an owner, or both, soonest due first.
Use it to answer "what is still open for <service>?", "what do I / does my team still owe?" or "what is overdue?".
Give \`entityRef\` (the entity a postmortem is about, e.g. component:default/seikyu-kanri-robo) and/or \`owner\` (a user or group ref: user:default/hanako.yamada, group:default/sre; a group means the items assigned to the group itself).
Without \`status\` it lists the open ones (open and in_progress); \`overdueOnly\` keeps those due before today.
Each item names its postmortem with a link to show the person. When \`nextCursor\` is set, call again with the same filters and that \`cursor\` for more.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .union([z.string(), z.array(z.string())])
            .optional()
            .describe(
              'Of postmortems about any of these catalog entities: refs with kind, e.g. component:default/seikyu-kanri-robo',
            ),
          owner: z
            .union([z.string(), z.array(z.string())])
            .optional()
            .describe(
              'Assigned to any of these users or groups: refs with kind, e.g. group:default/sre',
            ),
          status: z
            .array(z.enum(ACTION_ITEM_STATUSES))
            .optional()
            .describe(
              'In any of these statuses; open and in_progress when left out',
            ),
          overdueOnly: z
            .boolean()
            .optional()
            .describe('true: only the open ones due before today'),
          limit: z
            .number()
            .int()
            .optional()
            .describe('How many items, 1 to 100; 20 when left out'),
          cursor: z
            .string()
            .optional()
            .describe('The nextCursor of the previous page'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              ...actionItemFields(z),
              entityRefs: z
                .array(z.string())
                .describe('The entities of its postmortem'),
              postmortem: z.object({
                id: z.string(),
                title: z.string(),
                link: z.string().describe('The postmortem’s page in Backstage'),
              }),
            }),
          ),
          totalCount: z.number().describe('How many match, on all pages'),
          totalCountCapped: totalCountCappedSchema(z),
          nextCursor: z
            .string()
            .optional()
            .describe('Pass as cursor for the next page; absent on the last'),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeRead(context, credentials);
      if (input.entityRef === undefined && input.owner === undefined) {
        throw invalidRequest({
          field: 'entityRef',
          message: 'give an entityRef or an owner (or both)',
          code: 'required',
        });
      }
      const query = parse(listActionItemsQuerySchema, {
        entityRef: input.entityRef,
        owner: input.owner,
        status: input.status ?? [...OPEN_STATUSES],
        overdue: input.overdueOnly ? 'true' : undefined,
        limit: queryValue(input.limit),
        cursor: input.cursor,
      });
      const page = await context.stores.actionItems.listActionItems(
        actionItemFilterOf(query),
      );
      return {
        output: {
          items: page.items.map(item => ({
            ...actionItemOutput(item),
            entityRefs: item.entityRefs,
            postmortem: {
              id: item.postmortemId,
              title: item.postmortemTitle,
              link: postmortemUrl(context.appBaseUrl, item.postmortemId),
            },
          })),
          totalCount: page.totalCount,
          totalCountCapped: page.totalCountCapped,
          nextCursor: page.nextCursor,
        },
      };
    },
  });
}
