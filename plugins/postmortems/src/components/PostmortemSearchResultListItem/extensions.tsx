import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { postmortemsPlugin } from '../../plugin';
import {
  ACTION_ITEM_DOCUMENT_TYPE,
  POSTMORTEM_DOCUMENT_TYPE,
} from './documents';

/**
 * A postmortem in the portal's search results, for the legacy frontend
 * system. Put it inside `<SearchResult>` on the search page (and in the
 * search modal's `resultItemComponents`): like the catalog's result item it
 * renders only results of type `postmortem` and leaves the others to the
 * items after it.
 *
 * @public
 */
export const PostmortemSearchResultListItem = postmortemsPlugin.provide(
  createSearchResultListItemExtension({
    name: 'PostmortemSearchResultListItem',
    component: () =>
      import('./PostmortemSearchResultListItem').then(
        m => m.PostmortemSearchResultListItem,
      ),
    predicate: result => result.type === POSTMORTEM_DOCUMENT_TYPE,
  }),
);

/**
 * An action item in the portal's search results, for the legacy frontend
 * system; it renders only results of type `postmortem-action-item`.
 *
 * @public
 */
export const PostmortemActionItemSearchResultListItem =
  postmortemsPlugin.provide(
    createSearchResultListItemExtension({
      name: 'PostmortemActionItemSearchResultListItem',
      component: () =>
        import('./PostmortemActionItemSearchResultListItem').then(
          m => m.PostmortemActionItemSearchResultListItem,
        ),
      predicate: result => result.type === ACTION_ITEM_DOCUMENT_TYPE,
    }),
  );
