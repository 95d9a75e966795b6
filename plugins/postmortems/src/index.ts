/**
 * Postmortems for Backstage: entity tabs and cards, and a standalone page,
 * for the legacy frontend system. The new frontend system's plugin is the
 * default export of `@postmortems/backstage-plugin-postmortems/alpha`.
 *
 * @packageDocumentation
 */

export {
  postmortemsPlugin,
  PostmortemsPage,
  EntityPostmortemsContent,
  EntityGroupPostmortemsContent,
  EntityActionItemsContent,
  EntityPostmortemsCard,
  HomePageReadingSessionCard,
} from './plugin';
export type { HomePageReadingSessionCardProps } from './plugin';
export {
  ReadingSessionCardTitle,
  DEFAULT_READING_SESSION_GROUP,
} from './components/ReadingSessionCard/ReadingSessionCardTitle';
export {
  PostmortemSearchResultListItem,
  PostmortemActionItemSearchResultListItem,
} from './components/PostmortemSearchResultListItem/extensions';
export type {
  PostmortemSearchResultListItemProps,
  PostmortemActionItemSearchResultListItemProps,
} from './components/PostmortemSearchResultListItem';
export { rootRouteRef } from './routes';
export { postmortemsApiRef, PostmortemsClient } from './api';
export type { DownloadedFile, PostmortemsApi } from './api';
export { postmortemsTranslationRef } from './translation';
