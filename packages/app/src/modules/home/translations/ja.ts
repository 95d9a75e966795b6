/** Japanese text of the example portal's home page widgets. */
const ja = {
  'gettingStarted.title': 'はじめに',
  'gettingStarted.content': `**請求管理ロボ**（seikyu-kanri-robo）と、それを支えるチームの開発者ポータルです。

- **障害とそこから学んだこと：** ポストモーテムはすべて[ポストモーテム](/postmortems)ページと、[カタログ](/catalog)の各サービスの「ポストモーテム」タブにあります（例：[請求管理ロボ](/catalog/default/component/seikyu-kanri-robo/postmortems)）。
- **アクションアイテム：** 未完了・期限切れのものは、サービスやチームの「アクションアイテム」タブと、[ポストモーテム全体の一覧](/postmortems/action-items)で確認できます。
- **読書会：** 月に一度、[SREチーム](/catalog/default/group/sre)がポストモーテムを 1 本、30 分かけてみんなで読みます。このページのカードに今月の題材が出ます。過去の読書会と議事メモは[読書会](/postmortems/reading-sessions)にあります。`,
} as const;

export default ja;
