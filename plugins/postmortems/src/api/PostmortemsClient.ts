import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
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
  ReadingSessionSuggestionsResponse,
  RevisionsResponse,
  TemplatesResponse,
  UpdateActionItemRequest,
  UpdatePostmortemRequest,
  UpdateReadingSessionRequest,
} from '@postmortems/backstage-plugin-postmortems-common';
import { DownloadedFile, PostmortemsApi } from './PostmortemsApi';

type QueryValue = string | number | boolean | string[] | undefined;

/** The file name of a `Content-Disposition: attachment; filename="…"`. */
function attachmentName(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/** The invite's language: Japanese for `ja` (or `ja-JP`), else English. */
function calendarLanguage(language?: string): 'en' | 'ja' | undefined {
  if (!language) return undefined;
  return language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * Talks to the postmortems backend through the app's discovery and fetch
 * APIs, so the user's Backstage token goes along with every request.
 *
 * @public
 */
export class PostmortemsClient implements PostmortemsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listPostmortems(query: ListPostmortemsQuery = {}): Promise<Page<Postmortem>> {
    const { deleted, ...rest } = query;
    return this.request('GET', '/postmortems', {
      // Only `deleted=true` switches to the deleted ones; leave it out otherwise.
      query: { ...rest, deleted: deleted ? true : undefined },
    });
  }

  getPostmortem(id: string): Promise<Postmortem> {
    return this.request('GET', `/postmortems/${encodeURIComponent(id)}`);
  }

  createPostmortem(request: CreatePostmortemRequest): Promise<Postmortem> {
    return this.request('POST', '/postmortems', { body: request });
  }

  updatePostmortem(
    id: string,
    request: UpdatePostmortemRequest,
  ): Promise<Postmortem> {
    return this.request('PATCH', `/postmortems/${encodeURIComponent(id)}`, {
      body: request,
    });
  }

  async deletePostmortem(id: string): Promise<void> {
    await this.request('DELETE', `/postmortems/${encodeURIComponent(id)}`);
  }

  restorePostmortem(id: string): Promise<Postmortem> {
    return this.request(
      'POST',
      `/postmortems/${encodeURIComponent(id)}/restore`,
    );
  }

  async listRevisions(postmortemId: string): Promise<PostmortemRevision[]> {
    const result = await this.request<RevisionsResponse>(
      'GET',
      `/postmortems/${encodeURIComponent(postmortemId)}/revisions`,
    );
    return result.items;
  }

  exportPostmortemMarkdown(
    id: string,
    options: { language?: string } = {},
  ): Promise<DownloadedFile> {
    return this.request(
      'GET',
      `/postmortems/${encodeURIComponent(id)}/export.md`,
      {
        query: { lang: calendarLanguage(options.language) },
        file: 'postmortem.md',
      },
    );
  }

  exportPostmortemsArchive(
    query: Omit<ListPostmortemsQuery, 'limit' | 'cursor'> = {},
    options: { language?: string } = {},
  ): Promise<DownloadedFile> {
    const { deleted, ...rest } = query;
    return this.request('GET', '/postmortems/export.zip', {
      query: {
        ...rest,
        deleted: deleted ? true : undefined,
        lang: calendarLanguage(options.language),
      },
      file: 'postmortems.zip',
    });
  }

  importPostmortems(
    request: ImportMarkdownRequest,
  ): Promise<ImportMarkdownResponse> {
    return this.request('POST', '/postmortems/import', { body: request });
  }

  getActionItem(id: string): Promise<ActionItem> {
    return this.request('GET', `/action-items/${encodeURIComponent(id)}`);
  }

  listPostmortemActionItems(postmortemId: string): Promise<Page<ActionItem>> {
    return this.request(
      'GET',
      `/postmortems/${encodeURIComponent(postmortemId)}/action-items`,
      // A postmortem rarely has more than a handful; one page shows them all.
      { query: { limit: 100 } },
    );
  }

  createActionItem(
    postmortemId: string,
    request: CreateActionItemRequest,
  ): Promise<ActionItem> {
    return this.request(
      'POST',
      `/postmortems/${encodeURIComponent(postmortemId)}/action-items`,
      { body: request },
    );
  }

  updateActionItem(
    id: string,
    request: UpdateActionItemRequest,
  ): Promise<ActionItem> {
    return this.request('PATCH', `/action-items/${encodeURIComponent(id)}`, {
      body: request,
    });
  }

  async deleteActionItem(id: string): Promise<void> {
    await this.request('DELETE', `/action-items/${encodeURIComponent(id)}`);
  }

  listActionItems(query: ListActionItemsQuery = {}): Promise<Page<ActionItem>> {
    const { overdue, ...rest } = query;
    return this.request('GET', '/action-items', {
      // Only `overdue=true` filters; `false` would read as "not overdue".
      query: { ...rest, overdue: overdue ? true : undefined },
    });
  }

  listReadingSessions(
    query: ListReadingSessionsQuery = {},
  ): Promise<Page<ReadingSession>> {
    return this.request('GET', '/reading-sessions', { query: { ...query } });
  }

  getCurrentReadingSession(
    ownerGroup: string,
  ): Promise<CurrentReadingSessionResponse> {
    return this.request('GET', '/reading-sessions/current', {
      query: { ownerGroup },
    });
  }

  getReadingSession(id: string): Promise<ReadingSession> {
    return this.request('GET', `/reading-sessions/${encodeURIComponent(id)}`);
  }

  listReadingSessionActionItems(id: string): Promise<Page<ActionItem>> {
    return this.request(
      'GET',
      `/reading-sessions/${encodeURIComponent(id)}/action-items`,
    );
  }

  createReadingSession(
    request: CreateReadingSessionRequest,
  ): Promise<ReadingSession> {
    return this.request('POST', '/reading-sessions', { body: request });
  }

  updateReadingSession(
    id: string,
    request: UpdateReadingSessionRequest,
  ): Promise<ReadingSession> {
    return this.request(
      'PATCH',
      `/reading-sessions/${encodeURIComponent(id)}`,
      { body: request },
    );
  }

  async getReadingSessionSuggestions(
    ownerGroup: string,
    options: { limit?: number } = {},
  ): Promise<ReadingSessionSuggestion[]> {
    const result = await this.request<ReadingSessionSuggestionsResponse>(
      'GET',
      '/reading-sessions/suggestions',
      {
        query: { ownerGroup, limit: options.limit },
      },
    );
    return result.items;
  }

  createReadingSessionSeries(
    request: CreateReadingSessionSeriesRequest,
  ): Promise<ReadingSessionSeriesResponse> {
    return this.request('POST', '/reading-sessions/series', { body: request });
  }

  getReadingSessionCalendar(
    id: string,
    options: { language?: string } = {},
  ): Promise<string> {
    return this.request(
      'GET',
      `/reading-sessions/${encodeURIComponent(id)}/calendar.ics`,
      { query: { lang: calendarLanguage(options.language) }, text: true },
    );
  }

  getGroupCalendar(
    ownerGroup: string,
    options: { language?: string } = {},
  ): Promise<string> {
    return this.request('GET', '/reading-sessions/calendar.ics', {
      query: { ownerGroup, lang: calendarLanguage(options.language) },
      text: true,
    });
  }

  async listTemplates(): Promise<PostmortemTemplate[]> {
    const result = await this.request<TemplatesResponse>('GET', '/templates');
    return result.items;
  }

  getInsights(query: InsightsQuery = {}): Promise<Insights> {
    return this.request('GET', '/insights', { query: { ...query } });
  }

  private async request<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    options: {
      query?: Record<string, QueryValue>;
      body?: unknown;
      /** The answer is text (a calendar), not JSON. */
      text?: boolean;
      /** The answer is a file to save; its name when the server gives none. */
      file?: string;
    } = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('postmortems');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) {
      // Repeatable filters (entityRef, owner, status) go as repeated keys.
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== '') {
          params.append(key, String(item));
        }
      }
    }
    const search = params.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
      {
        method,
        headers:
          options.body === undefined
            ? undefined
            : { 'Content-Type': 'application/json' },
        body:
          options.body === undefined ? undefined : JSON.stringify(options.body),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    if (options.file) {
      const file: DownloadedFile = {
        blob: await response.blob(),
        filename: attachmentName(response, options.file),
      };
      return file as T;
    }
    if (options.text) {
      return (await response.text()) as T;
    }
    return (await response.json()) as T;
  }
}
