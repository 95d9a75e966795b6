import { LoggerService } from '@backstage/backend-plugin-api';
import {
  PostmortemsChange,
  PostmortemsChangeListener,
  PostmortemsStores,
} from '@postmortems/backstage-plugin-postmortems-node';
import { NotificationsConfig } from './config';
import { Directory } from './directory';
import { messagesIn } from './messages';
import { Outbox, TOPICS } from './outbox';

export interface ChangeNotificationsOptions {
  config: NotificationsConfig;
  stores: () => PostmortemsStores;
  outbox: Outbox;
  directory: () => Directory;
  logger: LoggerService;
}

const isUser = (ref: string) => ref.startsWith('user:');

/**
 * The notifications a write through the API causes, sent by the replica
 * that accepted it, once: an action item's new owner is told (unless they
 * set it themselves); a reading session's group learns its pick; the
 * authors and owners of a pick learn it was read once the session is held;
 * the owners of the entities a postmortem names learn it was published.
 */
export class ChangeNotifications implements PostmortemsChangeListener {
  constructor(private readonly options: ChangeNotificationsOptions) {}

  getListenerName() {
    return 'notifications';
  }

  async onChange(change: PostmortemsChange): Promise<void> {
    switch (change.kind) {
      case 'actionItem':
        return this.actionItem(change);
      case 'readingSession':
        return this.readingSession(change);
      case 'postmortem':
        return this.postmortem(change);
      default:
        return undefined;
    }
  }

  private async actionItem(
    change: Extract<PostmortemsChange, { kind: 'actionItem' }>,
  ) {
    const { config, outbox } = this.options;
    const { actionItem: item, previous, by } = change;
    if (!config.assigned.enabled || !item.owner) return;
    if (previous && previous.owner === item.owner) return;
    if (item.owner === by) return;
    const directory = this.options.directory();
    const services = await directory.titles(item.entityRefs.slice(0, 1));
    const text = messagesIn(config.language).assigned(
      {
        title: item.title,
        dueDate: item.dueDate,
        postmortemTitle: item.postmortemTitle,
        service: [...services.values()].join(''),
      },
      isUser(by) ? await directory.title(by) : by,
    );
    await outbox.send(
      [item.owner],
      {
        ...text,
        link: `/postmortems/${item.postmortemId}?actionItem=${item.id}`,
        severity: 'normal',
        topic: TOPICS.assigned,
        scope: `assigned:${item.id}`,
      },
      by,
    );
  }

  private async readingSession(
    change: Extract<PostmortemsChange, { kind: 'readingSession' }>,
  ) {
    const { config, outbox } = this.options;
    const stores = this.options.stores();
    const { readingSession: session, previous, by } = change;
    const messages = messagesIn(config.language);
    const line = {
      ...session,
      ownerGroup: await this.options.directory().title(session.ownerGroup),
      timezone: config.timezone,
    };
    const link = `/postmortems/reading-sessions/${session.id}`;

    const picked =
      session.postmortemId &&
      session.status === 'planned' &&
      session.postmortemId !== previous?.postmortemId;
    if (picked && config.readingSession.enabled) {
      const pick = await stores.postmortems.getPostmortem(
        session.postmortemId!,
      );
      if (pick) {
        await outbox.send(
          [session.ownerGroup],
          {
            ...messages.pickChosen(line, pick.title),
            link,
            severity: 'low',
            topic: TOPICS.readingSession,
            scope: `pick:${session.id}`,
          },
          by,
        );
      }
    }

    const held =
      session.status === 'held' &&
      previous?.status !== 'held' &&
      session.postmortemId;
    if (held && config.postmortemRead.enabled) {
      const pick = await stores.postmortems.getPostmortem(
        session.postmortemId!,
      );
      if (!pick) return;
      const raised = await stores.actionItems.listActionItems({
        readingSessionId: session.id,
        limit: 20,
      });
      const notes = (session.notes ?? '')
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean)
        .slice(0, 3);
      await outbox.send(
        [...pick.authors, ...pick.entityRefs],
        {
          ...messages.postmortemRead(
            line,
            pick.title,
            notes,
            raised.items.map(i => i.title),
          ),
          link: `/postmortems/${pick.id}`,
          severity: 'low',
          topic: TOPICS.postmortemRead,
          scope: `read:${session.id}`,
        },
        by,
      );
    }
  }

  private async postmortem(
    change: Extract<PostmortemsChange, { kind: 'postmortem' }>,
  ) {
    const { config, outbox } = this.options;
    const { postmortem, previous, by } = change;
    if (!config.newPostmortem.enabled) return;
    if (postmortem.status !== 'published') return;
    if (previous?.status === 'published') return;
    const directory = this.options.directory();
    const services = await directory.titles(postmortem.entityRefs);
    await outbox.send(
      // Each named entity's owner, from the catalog (a group: its members).
      postmortem.entityRefs,
      {
        ...messagesIn(config.language).newPostmortem(
          postmortem.title,
          postmortem.severity,
          [...services.values()],
        ),
        link: `/postmortems/${postmortem.id}`,
        severity:
          postmortem.severity === 'sev1' || postmortem.severity === 'sev2'
            ? 'high'
            : 'normal',
        topic: TOPICS.newPostmortem,
        scope: `published:${postmortem.id}`,
      },
      by,
    );
  }
}
