/**
 * The postmortems plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */

export { postmortemsPlugin as default } from './plugin';
export {
  postmortemsApi,
  postmortemsPage,
  entityPostmortemsContent,
  entityGroupPostmortemsContent,
  entityActionItemsContent,
  entityPostmortemsCard,
  readingSessionHomePageWidget,
  postmortemSearchResultListItem,
  actionItemSearchResultListItem,
  postmortemSearchResultType,
  actionItemSearchResultType,
} from './plugin';
export { postmortemsTranslationRef } from '../translation';
