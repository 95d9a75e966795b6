import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { readingSessionSuggestionsQuerySchema } from '@postmortems/backstage-plugin-postmortems-common';
import {
  currentReadingSession,
  monthOf,
  readingSessionSuggestions,
} from '../service/readingSessionsRoutes';
import { parse } from '../service/requests';
import { ActionsContext, authorizeRead, queryValue } from './ActionsContext';
import {
  actionItemFields,
  actionItemOutput,
  postmortemSummary,
  postmortemSummarySchema,
  readingSessionOutput,
  readingSessionSchema,
  suggestionReasonSchema,
} from './outputs';

/**
 * `get-reading-session-pick`: what `GET /reading-sessions/current` and
 * `GET /reading-sessions/suggestions` answer, from the same functions.
 */
export function registerGetReadingSessionPickAction(
  actionsRegistry: ActionsRegistryService,
  context: ActionsContext,
) {
  actionsRegistry.register({
    name: 'get-reading-session-pick',
    title: 'Get the reading session pick and suggestions',
    description: `A team's postmortem reading session (ポストモーテム読書会: the group meets once a month to read one past postmortem together): this month's session with its pick (the postmortem chosen for it) and the pick's open action items, the next planned session, and the ranked suggestions for a pick with the reasons each is suggested.
Use it to answer "what are we reading this month?" or "what should the SRE team read next, and why?".
\`ownerGroup\` is the group ref, e.g. group:default/sre (group:sre and sre work too). The month is the calendar month in \`timezone\`.
\`session\` is null when the group has no session this month; \`pick\` is null until one is chosen. Suggestions are best first; each reason is a code with the values it names (see the output schema).`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          ownerGroup: z
            .string()
            .describe(
              'The group that holds the sessions, e.g. group:default/sre',
            ),
          limit: z
            .number()
            .int()
            .optional()
            .describe('How many suggestions, 1 to 20; 5 when left out'),
        }),
      output: z =>
        z.object({
          ownerGroup: z.string(),
          month: z.string().describe('This month, YYYY-MM, in timezone'),
          timezone: z.string().describe('The IANA time zone of the sessions'),
          session: readingSessionSchema(z)
            .nullable()
            .describe('This month’s session; null when there is none'),
          pick: z
            .object({
              postmortem: postmortemSummarySchema(z),
              openActionItems: z
                .array(z.object(actionItemFields(z)))
                .describe('Its action items that are open or in progress'),
            })
            .nullable()
            .describe('The postmortem chosen for this month’s session'),
          next: readingSessionSchema(z)
            .optional()
            .describe('The earliest planned session after this month'),
          suggestions: z
            .array(
              z.object({
                postmortem: postmortemSummarySchema(z),
                score: z.number().describe('Higher is a better pick'),
                reasons: z.array(suggestionReasonSchema(z)),
              }),
            )
            .describe(
              'Candidates for a pick, best first; those read in the last six months or already picked for a coming session are left out',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeRead(context, credentials);
      const { ownerGroup, limit } = parse(
        readingSessionSuggestionsQuerySchema,
        {
          ownerGroup: input.ownerGroup,
          limit: queryValue(input.limit),
        },
      );
      const [current, suggestions] = await Promise.all([
        currentReadingSession(context, ownerGroup),
        readingSessionSuggestions(context, ownerGroup, limit),
      ]);
      const { appBaseUrl } = context;
      return {
        output: {
          ownerGroup,
          month: monthOf(context.clock(), context.timezone).month,
          timezone: context.timezone,
          session: current.session
            ? readingSessionOutput(current.session, appBaseUrl)
            : null,
          pick: current.postmortem
            ? {
                postmortem: postmortemSummary(current.postmortem, appBaseUrl),
                openActionItems: (current.actionItems ?? []).map(
                  actionItemOutput,
                ),
              }
            : null,
          next: current.next
            ? readingSessionOutput(current.next, appBaseUrl)
            : undefined,
          suggestions: suggestions.items.map(s => ({
            postmortem: postmortemSummary(s.postmortem, appBaseUrl),
            score: s.score,
            reasons: s.reasons,
          })),
        },
      };
    },
  });
}
