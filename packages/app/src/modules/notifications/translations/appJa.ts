/** Japanese text of the example app's own notification settings labels. */
const ja = {
  'origins.postmortems': 'ポストモーテム',
} as const;

export default ja;
