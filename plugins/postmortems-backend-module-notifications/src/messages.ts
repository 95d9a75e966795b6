import { DateTime } from 'luxon';
import { Language } from './config';

/*
 * The words of every notification, in English and Japanese. Which language
 * is a setting of the module (`postmortems.notifications.language`): a
 * notification is stored once per person, before anyone reads it, so it
 * cannot follow each reader's own choice.
 */

/** An action item as a digest or a reminder names it. */
export interface ItemLine {
  title: string;
  dueDate?: string;
  postmortemTitle: string;
  service: string;
}

/** A reading session as a reminder names it. */
export interface SessionLine {
  scheduledAt: string;
  timezone: string;
  ownerGroup: string;
}

export interface Messages {
  overdueDigest(count: number, items: ItemLine[], more: number): Text;
  dueSoon(item: ItemLine, days: number): Text;
  assigned(item: ItemLine, by: string): Text;
  sessionReminder(
    session: SessionLine,
    pick: string | undefined,
    openItems: string[],
  ): Text;
  sessionWithoutPick(
    session: SessionLine,
    suggestions: Array<{ title: string; reasons: string[] }>,
  ): Text;
  pickChosen(session: SessionLine, pick: string): Text;
  postmortemRead(
    session: SessionLine,
    pick: string,
    notes: string[],
    raised: string[],
  ): Text;
  newPostmortem(title: string, severity: string, services: string[]): Text;
}

export interface Text {
  title: string;
  description: string;
}

const bullet = (lines: string[]) => lines.map(line => `• ${line}`).join('\n');

/** The pick's open items, "none" for a pick without, nothing without a pick. */
function openItemsText(
  pick: string | undefined,
  openItems: string[],
  list: string,
  none: string,
): string {
  if (openItems.length > 0) return list;
  return pick ? none : '';
}

function when(session: SessionLine, language: Language): string {
  const at = DateTime.fromISO(session.scheduledAt, {
    zone: session.timezone,
  }).setLocale(language);
  return language === 'ja'
    ? at.toFormat('M月d日(ccc) HH:mm')
    : at.toFormat('ccc, d LLL yyyy, HH:mm');
}

const english: Messages = {
  overdueDigest: (count, items, more) => ({
    title:
      count === 1
        ? 'You have 1 overdue action item'
        : `You have ${count} overdue action items`,
    description: [
      bullet(
        items.map(
          i =>
            `${i.title} (due ${i.dueDate}) — ${i.postmortemTitle}, ${i.service}`,
        ),
      ),
      more > 0 ? `…and ${more} more` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  }),
  dueSoon: (item, days) => ({
    title:
      days <= 1
        ? `Due tomorrow: ${item.title}`
        : `Due in ${days} days: ${item.title}`,
    description: `Due ${item.dueDate} — ${item.postmortemTitle}, ${item.service}`,
  }),
  assigned: (item, by) => ({
    title: `${by} made you the owner of “${item.title}”`,
    description: [
      `${item.postmortemTitle}, ${item.service}`,
      item.dueDate ? `Due ${item.dueDate}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  }),
  sessionReminder: (session, pick, openItems) => ({
    title: `Postmortem reading session on ${when(session, 'en')}`,
    description: [
      pick ? `We read: ${pick}` : 'No pick yet.',
      openItemsText(
        pick,
        openItems,
        `Its open action items:\n${bullet(openItems)}`,
        'It has no open action items.',
      ),
    ]
      .filter(Boolean)
      .join('\n'),
  }),
  sessionWithoutPick: (session, suggestions) => ({
    title: `Nothing picked yet for the reading session on ${when(
      session,
      'en',
    )}`,
    description: [
      'Choose one in advance. The top suggestions:',
      bullet(suggestions.map(s => `${s.title} — ${s.reasons.join('; ')}`)),
    ].join('\n'),
  }),
  pickChosen: (session, pick) => ({
    title: `Reading session on ${when(session, 'en')}: ${pick}`,
    description: `This is the postmortem ${session.ownerGroup} will read.`,
  }),
  postmortemRead: (session, pick, notes, raised) => ({
    title: `Your postmortem was read: ${pick}`,
    description: [
      `${session.ownerGroup} read it on ${when(session, 'en')}.`,
      notes.length > 0 ? `Notes:\n${notes.join('\n')}` : '',
      raised.length > 0 ? `Action items raised:\n${bullet(raised)}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  }),
  newPostmortem: (title, severity, services) => ({
    title: `New postmortem on ${services.join(', ')}: ${title}`,
    description: `Severity ${severity.toUpperCase()}. Published — read it and check its action items.`,
  }),
};

const japanese: Messages = {
  overdueDigest: (count, items, more) => ({
    title: `期限切れのアクションアイテムが${count}件あります`,
    description: [
      bullet(
        items.map(
          i =>
            `${i.title}（期限 ${i.dueDate}）— ${i.postmortemTitle}、${i.service}`,
        ),
      ),
      more > 0 ? `ほか${more}件` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  }),
  dueSoon: (item, days) => ({
    title:
      days <= 1
        ? `明日が期限です: ${item.title}`
        : `あと${days}日で期限です: ${item.title}`,
    description: `期限 ${item.dueDate} — ${item.postmortemTitle}、${item.service}`,
  }),
  assigned: (item, by) => ({
    title: `${by} さんが「${item.title}」の担当をあなたにしました`,
    description: [
      `${item.postmortemTitle}、${item.service}`,
      item.dueDate ? `期限 ${item.dueDate}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  }),
  sessionReminder: (session, pick, openItems) => ({
    title: `ポストモーテム読書会: ${when(session, 'ja')}`,
    description: [
      pick ? `読むもの: ${pick}` : 'まだ読むものが決まっていません。',
      openItemsText(
        pick,
        openItems,
        `未完了のアクションアイテム:\n${bullet(openItems)}`,
        '未完了のアクションアイテムはありません。',
      ),
    ]
      .filter(Boolean)
      .join('\n'),
  }),
  sessionWithoutPick: (session, suggestions) => ({
    title: `${when(session, 'ja')}の読書会で読むものがまだ決まっていません`,
    description: [
      '事前に決めておきましょう。おすすめ:',
      bullet(suggestions.map(s => `${s.title} — ${s.reasons.join('、')}`)),
    ].join('\n'),
  }),
  pickChosen: (session, pick) => ({
    title: `${when(session, 'ja')}の読書会: ${pick}`,
    description: `${session.ownerGroup} の読書会でこのポストモーテムを読みます。`,
  }),
  postmortemRead: (session, pick, notes, raised) => ({
    title: `あなたのポストモーテムが読まれました: ${pick}`,
    description: [
      `${session.ownerGroup} が${when(session, 'ja')}の読書会で読みました。`,
      notes.length > 0 ? `メモ:\n${notes.join('\n')}` : '',
      raised.length > 0 ? `挙がったアクションアイテム:\n${bullet(raised)}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  }),
  newPostmortem: (title, severity, services) => ({
    title: `${services.join('、')} の新しいポストモーテム: ${title}`,
    description: `重大度 ${severity.toUpperCase()}。公開されました。読んで、アクションアイテムを確認してください。`,
  }),
};

/** The notifications' words in `language`. */
export function messagesIn(language: Language): Messages {
  return language === 'ja' ? japanese : english;
}

/** A suggestion reason in words; the API gives codes with parameters. */
export function reasonText(
  reason: { code: string } & Record<string, unknown>,
  language: Language,
): string {
  const ja = language === 'ja';
  switch (reason.code) {
    case 'severity':
      return String(reason.severity).toUpperCase();
    case 'long_impact':
      return ja
        ? `影響 ${reason.minutes}分`
        : `${reason.minutes} min of impact`;
    case 'never_read':
      return ja ? 'まだ読まれていない' : 'never read';
    case 'read_long_ago':
      return ja
        ? `${reason.months}か月前に読んだきり`
        : `last read ${reason.months} months ago`;
    case 'open_action_items':
      return ja
        ? `未完了のアクションアイテム ${reason.count}件`
        : `${reason.count} open action items`;
    case 'overdue_action_items':
      return ja
        ? `期限切れのアクションアイテム ${reason.count}件`
        : `${reason.count} overdue action items`;
    case 'older_incident':
      return ja
        ? `${reason.months}か月前の障害`
        : `${reason.months} months ago`;
    case 'service_not_covered':
      return ja
        ? `${reason.entityRef} はしばらく読まれていない`
        : `${reason.entityRef} not read in a while`;
    case 'anniversary':
      return ja
        ? `${reason.years}年前の今月`
        : `${reason.years} years ago this month`;
    default:
      return reason.code;
  }
}
