/*
 * Example reading sessions of the SRE team: one held last month, one this
 * month with its pick chosen in advance.
 */

import type { ActionItemInput } from '@postmortems/backstage-plugin-postmortems-node';
import { HOUR, iso, tokyoAfternoon } from './time';

/** An example reading session of a group. */
export interface ExampleReadingSession {
  ownerGroup: string;
  scheduledAt: Date;
  facilitator: string;
  pick: string;
  status: 'planned' | 'held';
  participants: string[];
  notes?: string;
  /** Action items raised in the session, on its pick. */
  actionItems: Array<ActionItemInput & { createdAt: Date }>;
}

/** The SRE team's session this month (picked) and last month (held). */
export function exampleReadingSessions(now: Date): ExampleReadingSession[] {
  // "This month" is Tokyo's, the example app's reading-session time zone
  // (UTC+9, no daylight saving): near a month's end Tokyo is already in the
  // next month while UTC is not.
  const tokyoNow = new Date(now.getTime() + 9 * HOUR);
  const year = tokyoNow.getUTCFullYear();
  const month = tokyoNow.getUTCMonth();
  // Two days from now, or the month's last day near its end: always in
  // Tokyo's current month.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(tokyoNow.getUTCDate() + 2, lastDay);
  return [
    {
      ownerGroup: 'group:default/sre',
      scheduledAt: tokyoAfternoon(year, month - 1, 15),
      facilitator: 'user:default/kenta.ito',
      pick: 'card-timeouts',
      status: 'held',
      participants: [
        'user:default/hanako.yamada',
        'user:default/kenta.ito',
        'user:default/mei.kobayashi',
      ],
      notes:
        '- 相手先の遅延で自分たちの接続が枯渇する構図は、請求管理ロボの外部連携にもあるのではという話になった\n- 障害対応中の設定変更の承認フローは、SRE チームでも同じ課題がある\n- サーキットブレーカーの進み具合を次回確認する',
      actionItems: [
        {
          title:
            '請求管理ロボの外部 API 呼び出しのタイムアウト設定を棚卸しする',
          owner: 'user:default/mei.kobayashi',
          dueDate: iso(tokyoAfternoon(year, month, 1)).slice(0, 10),
          status: 'open',
          priority: 'medium',
          kind: 'prevent',
          createdAt: tokyoAfternoon(year, month - 1, 15),
        },
      ],
    },
    {
      ownerGroup: 'group:default/sre',
      scheduledAt: tokyoAfternoon(year, month, day),
      facilitator: 'user:default/hanako.yamada',
      pick: 'queue-backlog',
      status: 'planned',
      participants: [],
      actionItems: [],
    },
  ];
}
