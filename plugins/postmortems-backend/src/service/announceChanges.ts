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

  /**
   * A write that announces what it wrote: `changesOf` turns its result (and,
   * for an update, the record `readBefore` read first) into the changes.
   */
  function announcing<A extends unknown[], R, P = undefined>(
    write: (...args: A) => Promise<R>,
    readBefore: ((...args: A) => Promise<P>) | undefined,
    changesOf: (result: R, args: A, previous?: P) => PostmortemsChange[],
  ) {
    return async (...args: A): Promise<R> => {
      const previous = await readBefore?.(...args);
      const result = await write(...args);
      changesOf(result, args, previous).forEach(announce);
      return result;
    };
  }

  const { postmortems: pm, actionItems: ai, readingSessions: rs } = stores;
  const wrap = <T extends object>(store: T, methods: Partial<T>): T =>
    Object.assign(Object.create(store), methods);

  return {
    postmortems: wrap(pm, {
      createPostmortem: announcing(
        pm.createPostmortem.bind(pm),
        undefined,
        (postmortem, [, by]) => [
          { kind: 'postmortem', action: 'created', postmortem, by },
        ],
      ),
      updatePostmortem: announcing(
        pm.updatePostmortem.bind(pm),
        id => pm.getPostmortem(id),
        (postmortem, [, , , by], previous) => [
          { kind: 'postmortem', action: 'updated', postmortem, previous, by },
        ],
      ),
    }),
    actionItems: wrap(ai, {
      createActionItem: announcing(
        ai.createActionItem.bind(ai),
        undefined,
        (actionItem, [, , by]) => [
          { kind: 'actionItem', action: 'created', actionItem, by },
        ],
      ),
      updateActionItem: announcing(
        ai.updateActionItem.bind(ai),
        id => ai.getActionItem(id),
        (actionItem, [, , , by], previous) => [
          { kind: 'actionItem', action: 'updated', actionItem, previous, by },
        ],
      ),
    }),
    readingSessions: wrap(rs, {
      createReadingSession: announcing(
        rs.createReadingSession.bind(rs),
        undefined,
        (readingSession, [, by]) => [
          { kind: 'readingSession', action: 'created', readingSession, by },
        ],
      ),
      createReadingSessions: announcing(
        rs.createReadingSessions.bind(rs),
        undefined,
        (created, [, by]) =>
          created.map(readingSession => ({
            kind: 'readingSession' as const,
            action: 'created' as const,
            readingSession,
            by,
          })),
      ),
      updateReadingSession: announcing(
        rs.updateReadingSession.bind(rs),
        id => rs.getReadingSession(id),
        (readingSession, [, , , by], previous) => [
          {
            kind: 'readingSession',
            action: 'updated',
            readingSession,
            previous,
            by,
          },
        ],
      ),
    }),
    // Reads only: nothing to announce.
    insights: stores.insights,
  };
}
