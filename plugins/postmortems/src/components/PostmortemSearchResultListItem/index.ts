export { PostmortemSearchResultListItem } from './PostmortemSearchResultListItem';
export type { PostmortemSearchResultListItemProps } from './PostmortemSearchResultListItem';
export { PostmortemActionItemSearchResultListItem } from './PostmortemActionItemSearchResultListItem';
export type { PostmortemActionItemSearchResultListItemProps } from './PostmortemActionItemSearchResultListItem';
export {
  ACTION_ITEM_DOCUMENT_TYPE,
  POSTMORTEM_DOCUMENT_TYPE,
} from './documents';
