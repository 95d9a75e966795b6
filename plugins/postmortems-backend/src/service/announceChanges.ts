import { LoggerService } from '@backstage/backend-plugin-api';
import {
  PostmortemsChange,
  PostmortemsChangeListener,
  PostmortemsStores,
} from '@postmortems/backstage-plugin-postmortems-node';

/**
 * The stores as the API uses them: every accepted create and update is
 * announced to the listeners once it is stored, with what was there before.
 * The request does not wait for them; a listener that fails is logged.
 *
 * The wrappers inherit from the stores they wrap (`Object.create`), so the
 * reads and any method not named here go straight to the database store.
 */
export function announceChanges(
  stores: PostmortemsStores,
  listeners: PostmortemsChangeListener[],
  logger: LoggerService,
): PostmortemsStores {
  if (listeners.length === 0) return stores;

  const announce = (change: PostmortemsChange) => {
    for (const listener of listeners) {
      listener.onChange(change).catch(error => {
        logger.warn(
          `Change listener ${listener.getListenerName()} failed on ${
            change.kind
          } ${change.action}: ${error}`,
        );
      });
    }
  };

  const { postmortems, actionItems, readingSessions } = stores;
  return {
    postmortems: Object.assign(Object.create(postmortems), {
      async createPostmortem(
        ...args: Parameters<typeof postmortems.createPostmortem>
      ) {
        const postmortem = await postmortems.createPostmortem(...args);
        announce({
          kind: 'postmortem',
          action: 'created',
          postmortem,
          by: args[1],
        });
        return postmortem;
      },
      async updatePostmortem(
        ...args: Parameters<typeof postmortems.updatePostmortem>
      ) {
        const previous = await postmortems.getPostmortem(args[0]);
        const postmortem = await postmortems.updatePostmortem(...args);
        announce({
          kind: 'postmortem',
          action: 'updated',
          postmortem,
          previous,
          by: args[3],
        });
        return postmortem;
      },
    }),
    actionItems: Object.assign(Object.create(actionItems), {
      async createActionItem(
        ...args: Parameters<typeof actionItems.createActionItem>
      ) {
        const actionItem = await actionItems.createActionItem(...args);
        announce({
          kind: 'actionItem',
          action: 'created',
          actionItem,
          by: args[2],
        });
        return actionItem;
      },
      async updateActionItem(
        ...args: Parameters<typeof actionItems.updateActionItem>
      ) {
        const previous = await actionItems.getActionItem(args[0]);
        const actionItem = await actionItems.updateActionItem(...args);
        announce({
          kind: 'actionItem',
          action: 'updated',
          actionItem,
          previous,
          by: args[3],
        });
        return actionItem;
      },
    }),
    readingSessions: Object.assign(Object.create(readingSessions), {
      async createReadingSession(
        ...args: Parameters<typeof readingSessions.createReadingSession>
      ) {
        const readingSession = await readingSessions.createReadingSession(
          ...args,
        );
        announce({
          kind: 'readingSession',
          action: 'created',
          readingSession,
          by: args[1],
        });
        return readingSession;
      },
      async createReadingSessions(
        ...args: Parameters<typeof readingSessions.createReadingSessions>
      ) {
        const created = await readingSessions.createReadingSessions(...args);
        for (const readingSession of created) {
          announce({
            kind: 'readingSession',
            action: 'created',
            readingSession,
            by: args[1],
          });
        }
        return created;
      },
      async updateReadingSession(
        ...args: Parameters<typeof readingSessions.updateReadingSession>
      ) {
        const previous = await readingSessions.getReadingSession(args[0]);
        const readingSession = await readingSessions.updateReadingSession(
          ...args,
        );
        announce({
          kind: 'readingSession',
          action: 'updated',
          readingSession,
          previous,
          by: args[3],
        });
        return readingSession;
      },
    }),
  };
}
