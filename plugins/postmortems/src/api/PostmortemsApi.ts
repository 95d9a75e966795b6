import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ActionItem,
  CreateActionItemRequest,
  CreatePostmortemRequest,
  CreateReadingSessionRequest,
  CreateReadingSessionSeriesRequest,
  CurrentReadingSessionResponse,
  ImportMarkdownRequest,
  ImportMarkdownResponse,
  Insights,
  InsightsQuery,
  ListActionItemsQuery,
  ListPostmortemsQuery,
  ListReadingSessionsQuery,
  Page,
  Postmortem,
  PostmortemRevision,
  PostmortemTemplate,
  ReadingSession,
  ReadingSessionSeriesResponse,
  ReadingSessionSuggestion,
  UpdateActionItemRequest,
  UpdatePostmortemRequest,
  UpdateReadingSessionRequest,
} from '@postmortems/backstage-plugin-postmortems-common';

/**
 * A file the API answered with (a Markdown export, a zip), to save.
 *
 * @public
 */
export interface DownloadedFile {
  blob: Blob;
  /** The name the server gave it (`Content-Disposition`). */
  filename: string;
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
  /** One postmortem as a Markdown file, headings in `language` (en, ja). */
  exportPostmortemMarkdown(
    id: string,
    options?: { language?: string },
  ): Promise<DownloadedFile>;
  /** The postmortems a list's filters match, as a zip of Markdown files. */
  exportPostmortemsArchive(
    query?: Omit<ListPostmortemsQuery, 'limit' | 'cursor'>,
    options?: { language?: string },
  ): Promise<DownloadedFile>;
  /** Imports Markdown files (or, with `dryRun`, previews what they become). */
  importPostmortems(
    request: ImportMarkdownRequest,
  ): Promise<ImportMarkdownResponse>;

  listPostmortemActionItems(postmortemId: string): Promise<Page<ActionItem>>;
  getActionItem(id: string): Promise<ActionItem>;
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
  getReadingSession(id: string): Promise<ReadingSession>;
  /** The action items raised in a reading session. */
  listReadingSessionActionItems(id: string): Promise<Page<ActionItem>>;
  /**
   * This month's session of a group (`session: null` when none is planned),
   * with its pick and the pick's open action items.
   */
  getCurrentReadingSession(
    ownerGroup: string,
  ): Promise<CurrentReadingSessionResponse>;
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
  /**
   * Schedules one session a month for months ahead; months in which the
   * group already meets are skipped and named.
   */
  createReadingSessionSeries(
    request: CreateReadingSessionSeriesRequest,
  ): Promise<ReadingSessionSeriesResponse>;
  /** The calendar invite (iCalendar text) of one session. */
  getReadingSessionCalendar(
    id: string,
    options?: { language?: string },
  ): Promise<string>;
  /** The calendar (iCalendar text) of a group's upcoming sessions. */
  getGroupCalendar(
    ownerGroup: string,
    options?: { language?: string },
  ): Promise<string>;

  listTemplates(): Promise<PostmortemTemplate[]>;

  /**
   * What the postmortems of a scope say together over a range of months:
   * about any of `entityRef`, or without it the whole portal.
   */
  getInsights(query?: InsightsQuery): Promise<Insights>;
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
