import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ActionItem,
  CreateActionItemRequest,
  CreatePostmortemRequest,
  CreateReadingSessionRequest,
  ListActionItemsQuery,
  ListPostmortemsQuery,
  Page,
  Postmortem,
  PostmortemRevision,
  PostmortemTemplate,
  ReadingSession,
  ReadingSessionSuggestion,
  UpdateActionItemRequest,
  UpdatePostmortemRequest,
  UpdateReadingSessionRequest,
} from '@postmortems/backstage-plugin-postmortems-common';

/**
 * Filters of `GET /reading-sessions`.
 *
 * @public
 */
export interface ListReadingSessionsQuery {
  ownerGroup?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The postmortems REST API (`/api/postmortems`), as the frontend sees it.
 * Failed requests reject with a `ResponseError` from `@backstage/errors`,
 * so callers can tell a version conflict (409) from invalid input (400).
 *
 * @public
 */
export interface PostmortemsApi {
  listPostmortems(query?: ListPostmortemsQuery): Promise<Page<Postmortem>>;
  getPostmortem(id: string): Promise<Postmortem>;
  createPostmortem(request: CreatePostmortemRequest): Promise<Postmortem>;
  updatePostmortem(
    id: string,
    request: UpdatePostmortemRequest,
  ): Promise<Postmortem>;
  deletePostmortem(id: string): Promise<void>;
  /** Undoes a soft delete. */
  restorePostmortem(id: string): Promise<Postmortem>;
  listRevisions(postmortemId: string): Promise<PostmortemRevision[]>;

  listPostmortemActionItems(postmortemId: string): Promise<Page<ActionItem>>;
  createActionItem(
    postmortemId: string,
    request: CreateActionItemRequest,
  ): Promise<ActionItem>;
  updateActionItem(
    id: string,
    request: UpdateActionItemRequest,
  ): Promise<ActionItem>;
  deleteActionItem(id: string): Promise<void>;
  listActionItems(query?: ListActionItemsQuery): Promise<Page<ActionItem>>;

  listReadingSessions(
    query?: ListReadingSessionsQuery,
  ): Promise<Page<ReadingSession>>;
  /** This month's session of a group, or `null` when none is planned. */
  getCurrentReadingSession(ownerGroup: string): Promise<ReadingSession | null>;
  createReadingSession(
    request: CreateReadingSessionRequest,
  ): Promise<ReadingSession>;
  updateReadingSession(
    id: string,
    request: UpdateReadingSessionRequest,
  ): Promise<ReadingSession>;
  getReadingSessionSuggestions(
    ownerGroup: string,
    options?: { limit?: number },
  ): Promise<ReadingSessionSuggestion[]>;

  listTemplates(): Promise<PostmortemTemplate[]>;
}

/**
 * The reference to the {@link PostmortemsApi}.
 *
 * @public
 */
export const postmortemsApiRef = createApiRef<PostmortemsApi>().with({
  id: 'plugin.postmortems.service',
  pluginId: 'postmortems',
});
