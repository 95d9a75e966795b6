import { LoggerService } from '@backstage/backend-plugin-api';
import { ActionItem } from '@postmortems/backstage-plugin-postmortems-common';
import { PostmortemsStores } from '@postmortems/backstage-plugin-postmortems-node';
import { DateTime } from 'luxon';
import { NotificationsConfig, latestOccurrence } from './config';
import { Deliveries } from './deliveries';
import { Directory } from './directory';
import { ItemLine, messagesIn, reasonText } from './messages';
import { Outbox, TOPICS } from './outbox';

/** How far back a missed occurrence of a schedule is still sent. */
const CATCH_UP_MS = 12 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The top suggestions of a group, as the plugin's API ranks them. */
export type SuggestionsSource = (
  ownerGroup: string,
  limit: number,
) => Promise<
  Array<{
    postmortem: { id: string; title: string };
    reasons: Array<{ code: string } & Record<string, unknown>>;
  }>
>;

export interface ScheduledNotificationsOptions {
  config: NotificationsConfig;
  stores: PostmortemsStores;
  outbox: Outbox;
  deliveries: Deliveries;
  directory: () => Directory;
  suggestions: SuggestionsSource;
  logger: LoggerService;
}

/** What a run did, for logs and tests. */
export interface RunReport {
  overdueDigests: number;
  dueSoon: number;
  sessionReminders: number;
  sessionsWithoutPick: number;
}

/**
 * The notifications sent on a schedule: the overdue digest, due-soon
 * reminders and reading-session reminders. `run(now)` is called every few
 * minutes by a global scheduled task; it does the work of each schedule
 * occurrence (in the configured time zone) that has come since the last
 * one it did, once: the occurrence is claimed like a notification, and each
 * notification is claimed on its own (see {@link Deliveries}), so two
 * replicas, or a run repeated after a crash, send nothing twice.
 */
export class ScheduledNotifications {
  constructor(private readonly options: ScheduledNotificationsOptions) {}

  async run(now: Date): Promise<RunReport> {
    const { config } = this.options;
    const report: RunReport = {
      overdueDigests: 0,
      dueSoon: 0,
      sessionReminders: 0,
      sessionsWithoutPick: 0,
    };
    const directory = this.options.directory();
    if (config.overdueDigest.enabled) {
      await this.onOccurrence(
        'overdue-digest',
        config.overdueDigest.schedule,
        now,
        async occurrence => {
          report.overdueDigests = await this.overdueDigest(
            occurrence,
            now,
            directory,
          );
        },
      );
    }
    await this.onOccurrence(
      'reminders',
      config.remindersSchedule,
      now,
      async () => {
        if (config.dueSoon.enabled) {
          report.dueSoon = await this.dueSoon(now, directory);
        }
        if (config.readingSession.enabled) {
          Object.assign(report, await this.sessions(now, directory));
        }
      },
    );
    return report;
  }

  /** Runs `work` for the latest occurrence of `cron`, unless it was done. */
  private async onOccurrence(
    job: string,
    cron: string,
    now: Date,
    work: (occurrence: Date) => Promise<void>,
  ) {
    const { deliveries, config } = this.options;
    const occurrence = latestOccurrence(
      cron,
      config.timezone,
      now,
      CATCH_UP_MS,
    );
    if (!occurrence) return;
    const key = `run:${job}:${occurrence.toISOString()}`;
    if (!(await deliveries.claim(key, '*', now))) return;
    try {
      await work(occurrence);
    } catch (error) {
      // Done in part: what was sent is marked, the rest goes on the next run.
      await deliveries.release(key, '*');
      throw error;
    }
    await deliveries.markSent(key, '*', now);
  }

  private today(now: Date) {
    return DateTime.fromJSDate(now, { zone: this.options.config.timezone });
  }

  private async itemLines(items: ActionItem[], directory: Directory) {
    const services = await directory.titles([
      ...new Set(items.flatMap(i => i.entityRefs.slice(0, 1))),
    ]);
    return items.map(
      (i): ItemLine => ({
        title: i.title,
        dueDate: i.dueDate,
        postmortemTitle: i.postmortemTitle,
        service: i.entityRefs
          .slice(0, 1)
          .map(r => services.get(r) ?? r)
          .join(''),
      }),
    );
  }

  /** Every page of a list. */
  private async all<T>(
    page: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string }>,
  ): Promise<T[]> {
    const result: T[] = [];
    let cursor: string | undefined;
    do {
      const { items, nextCursor } = await page(cursor);
      result.push(...items);
      cursor = nextCursor;
    } while (cursor);
    return result;
  }

  private async overdueDigest(
    occurrence: Date,
    now: Date,
    directory: Directory,
  ): Promise<number> {
    const { stores, outbox, config } = this.options;
    const overdue = await this.all(cursor =>
      stores.actionItems.listActionItems({ overdue: true, limit: 100, cursor }),
    );
    // Per person: their own items and those of the groups they are in.
    const byUser = new Map<string, ActionItem[]>();
    const owners = [
      ...new Set(overdue.flatMap(i => (i.owner ? [i.owner] : []))),
    ];
    for (const owner of owners) {
      for (const user of await directory.usersOf(owner)) {
        const items = byUser.get(user) ?? [];
        items.push(...overdue.filter(i => i.owner === owner));
        byUser.set(user, items);
      }
    }
    const messages = messagesIn(config.language);
    let sent = 0;
    for (const [user, items] of [...byUser].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const oldest = [...items].sort(
        (a, b) =>
          (a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
          a.id.localeCompare(b.id),
      );
      const shown = oldest.slice(0, config.overdueDigest.maxItems);
      const text = messages.overdueDigest(
        items.length,
        await this.itemLines(shown, directory),
        items.length - shown.length,
      );
      const delivered = await outbox.sendOnce(
        `overdue-digest:${occurrence.toISOString()}`,
        user,
        {
          ...text,
          // The list of this person's overdue items, theirs and their teams'.
          link: '/postmortems/action-items?status=overdue&mine=true',
          severity: 'high',
          topic: TOPICS.overdueDigest,
          // One digest per person in the bell: the next replaces this one.
          scope: 'overdue-digest',
          metadata: {
            count: items.length,
            actionItemIds: shown.map(i => i.id),
          },
        },
        now,
      );
      if (delivered) sent++;
    }
    return sent;
  }

  private async dueSoon(now: Date, directory: Directory): Promise<number> {
    const { stores, outbox, config } = this.options;
    const today = this.today(now).startOf('day');
    const last = today.plus({ days: config.dueSoon.daysBefore }).toISODate()!;
    // Open items due in the window, soonest first, read from the window's
    // start: the overdue ones before it are the digest's.
    const tomorrow = today.plus({ days: 1 }).toISODate()!;
    const items = await this.all(cursor =>
      stores.actionItems.listActionItems({
        statuses: ['open', 'in_progress'],
        dueFrom: tomorrow,
        dueTo: last,
        limit: 100,
        cursor,
      }),
    );
    const due = items.filter(i => i.owner);
    const messages = messagesIn(config.language);
    let sent = 0;
    for (const item of due) {
      const days = Math.round(
        DateTime.fromISO(item.dueDate!, { zone: config.timezone }).diff(
          today,
          'days',
        ).days,
      );
      const [line] = await this.itemLines([item], directory);
      const delivered = await outbox.sendOnce(
        `due-soon:${item.id}:${item.dueDate}`,
        item.owner!,
        {
          ...messages.dueSoon(line, days),
          link: `/postmortems/${item.postmortemId}?actionItem=${item.id}`,
          severity: 'normal',
          topic: TOPICS.dueSoon,
        },
        now,
      );
      if (delivered) sent++;
    }
    return sent;
  }

  private async sessions(now: Date, directory: Directory) {
    const { stores, outbox, config, suggestions } = this.options;
    const { daysBefore, noPickDaysBefore } = config.readingSession;
    const horizon = new Date(
      now.getTime() + (Math.max(daysBefore, noPickDaysBefore) + 1) * DAY_MS,
    );
    const upcoming = await this.all(cursor =>
      stores.readingSessions.listReadingSessions({
        status: 'planned',
        from: now.toISOString(),
        to: horizon.toISOString(),
        limit: 100,
        cursor,
      }),
    );
    const messages = messagesIn(config.language);
    const today = this.today(now).startOf('day');
    let sessionReminders = 0;
    let sessionsWithoutPick = 0;
    for (const session of upcoming) {
      const days = DateTime.fromISO(session.scheduledAt, {
        zone: config.timezone,
      })
        .startOf('day')
        .diff(today, 'days').days;
      const line = {
        ...session,
        ownerGroup: await directory.title(session.ownerGroup),
        timezone: config.timezone,
      };
      const link = `/postmortems/reading-sessions/${session.id}`;
      const at = session.scheduledAt;
      if (days <= daysBefore) {
        const pick = session.postmortemId
          ? await stores.postmortems.getPostmortem(session.postmortemId)
          : undefined;
        const open = pick
          ? (
              await stores.actionItems.listActionItems({
                postmortemId: pick.id,
                statuses: ['open', 'in_progress'],
                limit: 20,
              })
            ).items.map(i => i.title)
          : [];
        if (
          await outbox.sendOnce(
            `session-reminder:${session.id}:${at}`,
            session.ownerGroup,
            {
              ...messages.sessionReminder(line, pick?.title, open),
              link,
              severity: 'normal',
              topic: TOPICS.readingSession,
            },
            now,
          )
        ) {
          sessionReminders++;
        }
      }
      if (!session.postmortemId && days <= noPickDaysBefore) {
        const top = await suggestions(session.ownerGroup, 3);
        const text = messages.sessionWithoutPick(
          line,
          top.map(s => ({
            title: s.postmortem.title,
            reasons: s.reasons.map(r => reasonText(r, config.language)),
          })),
        );
        const recipients = [session.ownerGroup, session.facilitator].filter(
          (r): r is string => Boolean(r),
        );
        let any = false;
        for (const recipient of recipients) {
          any =
            (await outbox.sendOnce(
              `session-no-pick:${session.id}:${at}`,
              recipient,
              {
                ...text,
                link,
                severity: 'high',
                topic: TOPICS.readingSession,
                metadata: { suggestions: top.map(s => s.postmortem.id) },
              },
              now,
            )) || any;
        }
        if (any) sessionsWithoutPick++;
      }
    }
    return { sessionReminders, sessionsWithoutPick };
  }
}
