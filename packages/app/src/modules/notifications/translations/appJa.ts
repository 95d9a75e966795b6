/** Japanese text of the example app's own notification settings labels. */
const ja = {
  'origins.postmortems': 'ポストモーテム',
  'topics.overdueActionItems': '期限切れのアクションアイテム（まとめ）',
  'topics.actionItemsDueSoon': '期限が近いアクションアイテム',
  'topics.actionItemAssigned': '担当になったアクションアイテム',
  'topics.readingSession': 'ポストモーテム読書会',
  'topics.postmortemRead': '自分のポストモーテムが読まれたとき',
  'topics.newPostmortem': '担当サービスの新しいポストモーテム',
} as const;

export default ja;
