/*
 * Example postmortems of the 請求管理ロボ (billing SaaS) team, their action
 * items. Every date is relative to "now", so the data looks the same
 * whenever the example app is started: some action items are overdue and
 * one postmortem has its anniversary this month.
 */

import type {
  ActionItemInput,
  PostmortemInput,
} from '@postmortems/backstage-plugin-postmortems-node';

/** One example postmortem and what happened to it. */
export interface ExamplePostmortem {
  /** A name for linking reading sessions to it. */
  key: string;
  postmortem: PostmortemInput;
  /** When it was written, and by whom. */
  createdAt: Date;
  createdBy: string;
  /** A later change, so its history has more than one entry. */
  update?: { at: Date; by: string; patch: Partial<PostmortemInput> };
  /**
   * Its action items; a closed one with `completedAt` is created open and
   * closed then, one without it is created closed.
   */
  actionItems: Array<ActionItemInput & { createdAt: Date; completedAt?: Date }>;
}
import { HOUR, DAY, iso, dueIn } from './time';

/** The example postmortems, newest last. */
export function examplePostmortems(now: Date): ExamplePostmortem[] {
  const ago = (days: number, hours = 0) =>
    new Date(now.getTime() - days * DAY + hours * HOUR);

  // The job queue backlog, about seven months ago.
  const queueStart = ago(212);
  const queueAt = (minutes: number) =>
    new Date(queueStart.getTime() + minutes * 60 * 1000);

  // The anniversary: the same month one year ago, on the 10th.
  const anniversaryStart = new Date(
    Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 10, 1, 15),
  );

  return [
    {
      key: 'portal-login-loop',
      createdAt: ago(700),
      createdBy: 'user:default/yui.nakamura',
      postmortem: {
        title: '顧客ポータルでログイン後にリダイレクトが繰り返された',
        entityRefs: ['component:default/customer-portal'],
        status: 'published',
        severity: 'sev2',
        detection: 'customer_report',
        startedAt: iso(ago(703, 2)),
        detectedAt: iso(ago(703, 4)),
        mitigatedAt: iso(ago(703, 5)),
        resolvedAt: iso(ago(702)),
        template: 'sre-book',
        sections: {
          summary:
            'セッション Cookie の属性を変更したリリースの後、一部のブラウザで顧客ポータルにログインするとログイン画面へ戻され続けた。',
          impact:
            '約3時間、Safari 利用者の多くが請求書の確認と支払いをできなかった。問い合わせは40件ほど。',
          trigger:
            'Cookie の SameSite 属性を変える設定が、サブドメインをまたぐ認証の流れを考えずに本番へ入った。',
          rootCauses:
            '- ブラウザごとの差が出る変更を確かめる手順がなかった\n- ステージングが本番と異なるドメイン構成だった',
          mitigation: '設定を元に戻すリリースを行った。',
          permanentFix:
            '- ステージングのドメイン構成を本番にそろえる\n- 主要ブラウザでのログインを E2E テストに加える',
          detection:
            '顧客からの問い合わせで気づいた。ログイン成功率の監視はなかった。',
          wentWell: '切り戻しの手順が整っていて、判断から10分で戻せた。',
          wentWrong: '影響の大きさが分かるまでに時間がかかった。',
          gotLucky: '月末の請求締めの直前ではなかった。',
        },
        timeline: [
          { at: iso(ago(703, 2)), text: 'Cookie 設定を含むリリース' },
          { at: iso(ago(703, 4)), text: '問い合わせが続けて届き、調査を開始' },
          { at: iso(ago(703, 5)), text: '設定を戻すリリースで解消' },
        ],
        tags: ['login', 'release'],
        authors: ['user:default/yui.nakamura'],
      },
      actionItems: [
        {
          title: 'ステージングのドメイン構成を本番にそろえる',
          owner: 'group:default/billing-team',
          dueDate: dueIn(now, -600),
          status: 'done',
          priority: 'high',
          kind: 'prevent',
          createdAt: ago(700),
          completedAt: ago(612),
        },
        {
          title: 'ログイン成功率の監視とアラートを作る',
          owner: 'group:default/sre',
          dueDate: dueIn(now, -400),
          status: 'open',
          priority: 'medium',
          kind: 'detect',
          createdAt: ago(700),
        },
      ],
    },
    {
      key: 'invoice-double-run',
      createdAt: new Date(anniversaryStart.getTime() + 3 * DAY),
      createdBy: 'user:default/taro.suzuki',
      postmortem: {
        title: '月次の請求書作成バッチが二重に動いた',
        entityRefs: [
          'component:default/billing-batch-worker',
          'resource:default/billing-job-queue',
        ],
        status: 'published',
        severity: 'sev3',
        detection: 'monitoring_alert',
        startedAt: iso(anniversaryStart),
        detectedAt: iso(new Date(anniversaryStart.getTime() + 0.25 * HOUR)),
        mitigatedAt: iso(new Date(anniversaryStart.getTime() + 1 * HOUR)),
        resolvedAt: iso(new Date(anniversaryStart.getTime() + 6 * HOUR)),
        template: 'sre-book',
        sections: {
          summary:
            'ワーカーの再起動が重なり、月次の請求書作成ジョブが同じ顧客に対して2回実行された。送付前に止められた。',
          impact:
            '約300社分の請求書が下書きとして二重にできた。顧客への送付は起きなかった。',
          trigger:
            'デプロイ中にジョブの実行中フラグが消え、再投入されたジョブがもう一度実行された。',
          rootCauses:
            'ジョブの実行が冪等になっておらず、実行中かどうかをワーカーのメモリだけで覚えていた。',
          mitigation: 'ジョブを止め、二重にできた下書きを削除した。',
          permanentFix:
            '顧客と対象月の組でジョブを一意にし、二度目の実行は何もしないようにする。',
          detection:
            '請求書の作成件数が前月の2倍を超えたことを知らせるアラートで気づいた。',
          wentWell: '件数のアラートが送付の前に鳴った。',
          wentWrong: '月初のデプロイを避ける決まりがなかった。',
          gotLucky: '送付は翌朝の予約だった。',
        },
        timeline: [],
        tags: ['batch', 'idempotency'],
        authors: ['user:default/taro.suzuki', 'user:default/kenta.ito'],
      },
      actionItems: [
        {
          title: 'ジョブを顧客と対象月で一意にする',
          owner: 'group:default/billing-team',
          dueDate: dueIn(now, -300),
          status: 'done',
          priority: 'high',
          kind: 'prevent',
          createdAt: new Date(anniversaryStart.getTime() + 3 * DAY),
          completedAt: new Date(anniversaryStart.getTime() + 24 * DAY),
        },
        {
          title: '月初の3営業日はデプロイを止める',
          owner: 'group:default/billing-team',
          status: 'wont_do',
          priority: 'low',
          kind: 'process',
          description: '冪等にしたので不要と判断した。',
          createdAt: new Date(anniversaryStart.getTime() + 3 * DAY),
          completedAt: new Date(anniversaryStart.getTime() + 30 * DAY),
        },
      ],
    },
    {
      key: 'queue-backlog',
      createdAt: ago(209),
      createdBy: 'user:default/hanako.yamada',
      update: {
        at: ago(205),
        by: 'user:default/kenta.ito',
        patch: { status: 'published' },
      },
      postmortem: {
        title: '非同期ジョブがキューに滞留し、約2時間実行されなかった',
        entityRefs: [
          'component:default/seikyu-kanri-robo',
          'resource:default/billing-job-queue',
        ],
        status: 'in_review',
        severity: 'sev2',
        detection: 'customer_report',
        startedAt: iso(queueStart),
        detectedAt: iso(queueAt(100)),
        mitigatedAt: iso(queueAt(125)),
        resolvedAt: iso(queueAt(140)),
        template: 'sre-book',
        sections: {
          summary:
            '請求管理ロボは、請求書の作成や入金の消込といった重い処理を、マネージドなバッチ基盤のジョブキューで非同期に動かしている。この日、いくつかの処理が「実行中」のまま終わらないというお客様からの問い合わせがあった。調べると、キューにジョブが滞留し、およそ2時間ほとんど実行されていなかった。',
          impact:
            '- 約2時間、多くの非同期ジョブ(請求書作成、CSV 取り込み、消込)が開始されなかった\n- 滞留が解けた後にまとめて実行され、完了は最大で2時間半遅れた\n- データの欠損や誤りはなかった',
          trigger:
            '- 処理量の多いジョブがある組み合わせで続けて投入され、計算環境の枠を長い時間使い続けた\n- オートスケールは設定した上限に達していて、それ以上は増えなかった\n- そのため後から来たジョブが実行待ちのまま積み上がった',
          rootCauses:
            '利用の伸びや、開発チームが新しく足してきた非同期ジョブに合わせて、キャパシティを見直す仕組みがなかった。上限値は数年前に決めたままだった。',
          mitigation:
            '状況を確認した後、計算環境のオートスケール上限を引き上げ、同時に実行できるジョブを増やした。数分で滞留が解け始めた。',
          permanentFix:
            '- いまの利用量と今後の見込みから必要な計算資源を計算し直し、コストも確かめたうえで上限を見直す\n- 急なジョブの増加に強いサーバーレスな計算環境への移行を検討する\n- キューの監視(滞留時間、待ちジョブ数)とアラートの扱いを見直す',
          detection:
            'お客様からの問い合わせで気づいた。キューの待ちジョブ数のアラートは出ていたが、普段から鳴りがちで重要なものとして扱われていなかった。',
          wentWell:
            '原因が分かってからは、上限の変更から回復の確認までが短時間で済んだ。',
          wentWrong:
            '- 社内の監視で先に気づけなかった\n- キューのアラートが重要なものとして扱われていなかった',
          gotLucky:
            'バッチ基盤に詳しいメンバーがたまたま手の空いている時間帯だった。',
        },
        timeline: [
          { at: iso(queueStart), text: '重いジョブが続けて投入される' },
          {
            at: iso(queueAt(15)),
            text: 'オートスケールが上限に達し、待ちジョブが増え始める',
          },
          {
            at: iso(queueAt(100)),
            text: '「処理が終わらない」とのお問い合わせ。調査を開始',
          },
          { at: iso(queueAt(125)), text: 'オートスケールの上限を引き上げる' },
          { at: iso(queueAt(140)), text: '滞留していたジョブがすべて完了' },
        ],
        tags: ['batch', 'capacity', 'queue'],
        authors: ['user:default/hanako.yamada', 'user:default/taro.suzuki'],
      },
      actionItems: [
        {
          title: 'オートスケールの上限を引き上げる',
          owner: 'group:default/sre',
          dueDate: dueIn(now, -211),
          status: 'done',
          priority: 'high',
          kind: 'mitigate',
          createdAt: ago(209),
          completedAt: ago(205),
        },
        {
          title: '必要な計算資源とコストを計算し直す',
          owner: 'user:default/hanako.yamada',
          dueDate: dueIn(now, -150),
          status: 'done',
          priority: 'high',
          kind: 'prevent',
          createdAt: ago(209),
          completedAt: ago(163),
        },
        {
          title: 'サーバーレスな計算環境への移行を検討する',
          description: 'コストと、ジョブの実行時間の上限が合うかを確かめる。',
          owner: 'group:default/billing-team',
          dueDate: dueIn(now, -30),
          status: 'in_progress',
          priority: 'medium',
          kind: 'prevent',
          externalUrl:
            'https://github.com/example/seikyu-kanri-robo/issues/412',
          createdAt: ago(209),
        },
        {
          title: 'キューの滞留時間のアラートを見直し、当番に通知する',
          owner: 'group:default/sre',
          dueDate: dueIn(now, -60),
          status: 'open',
          priority: 'high',
          kind: 'detect',
          createdAt: ago(209),
        },
        {
          title:
            '新しい非同期ジョブを足すときにキャパシティを確認する手順を作る',
          owner: 'group:default/billing-team',
          dueDate: dueIn(now, 20),
          status: 'open',
          priority: 'medium',
          kind: 'process',
          createdAt: ago(209),
        },
      ],
    },
    {
      key: 'card-timeouts',
      createdAt: ago(118),
      createdBy: 'user:default/sho.watanabe',
      postmortem: {
        title: 'カード決済のタイムアウトが多発した',
        entityRefs: ['component:default/payment-gateway'],
        status: 'published',
        severity: 'sev1',
        detection: 'monitoring_alert',
        startedAt: iso(ago(121, 3)),
        detectedAt: iso(ago(121, 3.1)),
        mitigatedAt: iso(ago(121, 4)),
        resolvedAt: iso(ago(121, 4.5)),
        template: 'sre-book',
        sections: {
          summary:
            'カード会社側の応答が遅くなり、決済ゲートウェイの接続が枯渇して、すべてのカード決済が失敗した。',
          impact:
            '約1時間、カード決済の9割が失敗した。口座振替には影響がなかった。',
          trigger: '外部のカード決済代行の応答時間が平常の10倍になった。',
          rootCauses:
            '接続プールとタイムアウトの設定が、相手の遅延を想定していなかった。遅い呼び出しを早めに切る仕組みがなかった。',
          mitigation:
            'タイムアウトを短くし、接続プールを広げた設定を入れて回復した。',
          permanentFix:
            'サーキットブレーカーを入れ、カード会社ごとに接続を分ける。',
          detection: '決済成功率のアラートが5分以内に鳴った。',
          wentWell: 'アラートから当番への連絡が速かった。',
          wentWrong: '設定の変更に承認が必要で、反映まで30分かかった。',
          gotLucky: '平日の昼で、決済チーム全員がそろっていた。',
        },
        timeline: [],
        tags: ['payments', 'timeout'],
        authors: ['user:default/sho.watanabe'],
      },
      actionItems: [
        {
          title: 'サーキットブレーカーを入れる',
          owner: 'group:default/payments-team',
          dueDate: dueIn(now, -14),
          status: 'in_progress',
          priority: 'high',
          kind: 'prevent',
          createdAt: ago(118),
        },
        {
          title: '障害時の設定変更を事後承認にできる手順を決める',
          owner: 'group:default/sre',
          dueDate: dueIn(now, 45),
          status: 'open',
          priority: 'medium',
          kind: 'process',
          createdAt: ago(118),
        },
      ],
    },
    {
      key: 'csv-mojibake',
      createdAt: ago(60),
      createdBy: 'user:default/yui.nakamura',
      postmortem: {
        title: '顧客ポータルの CSV ダウンロードが文字化けした',
        entityRefs: ['component:default/customer-portal'],
        status: 'in_review',
        severity: 'sev4',
        detection: 'internal_discovery',
        startedAt: iso(ago(63)),
        detectedAt: iso(ago(62)),
        mitigatedAt: iso(ago(62, 3)),
        template: 'sre-book',
        sections: {
          summary:
            'ライブラリの更新で、CSV の先頭に BOM が付かなくなり、表計算ソフトで開くと日本語が文字化けした。',
          impact: '丸1日、ダウンロードした CSV を開くと日本語が読めなかった。',
          detection: '社内の動作確認で気づいた。',
        },
        timeline: [],
        tags: ['csv'],
        authors: ['user:default/yui.nakamura'],
      },
      actionItems: [
        {
          title: 'CSV の文字コードを確かめるテストを足す',
          owner: 'user:default/yui.nakamura',
          dueDate: dueIn(now, 10),
          status: 'open',
          priority: 'low',
          kind: 'prevent',
          createdAt: ago(60),
        },
      ],
    },
    {
      key: 'reconcile-oom',
      createdAt: ago(20),
      createdBy: 'user:default/mei.kobayashi',
      postmortem: {
        title: '消込ジョブがメモリ不足で落ち続けた',
        entityRefs: ['component:default/billing-batch-worker'],
        status: 'draft',
        severity: 'sev3',
        detection: 'monitoring_alert',
        startedAt: iso(ago(22)),
        detectedAt: iso(ago(22, 0.5)),
        template: 'sre-book',
        sections: {
          summary:
            '大口の顧客の入金データを一度に読み込み、消込ジョブがメモリ不足で再起動を繰り返した。(書きかけ)',
        },
        timeline: [],
        tags: ['batch', 'memory'],
        authors: ['user:default/mei.kobayashi'],
      },
      actionItems: [],
    },
  ];
}
