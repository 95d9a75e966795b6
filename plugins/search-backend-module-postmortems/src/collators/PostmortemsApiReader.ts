import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';

/**
 * Reads the postmortems plugin's API with the search plugin's own
 * credentials, page by page.
 */
export class PostmortemsApiReader {
  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
      pageSize?: number;
    },
  ) {}

  /** Every item of a list route (`/postmortems`, `/action-items`), in pages. */
  async *pages<T>(path: string): AsyncGenerator<T[]> {
    const { auth, discovery, pageSize = 100 } = this.options;
    const baseUrl = await discovery.getBaseUrl('postmortems');
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (cursor) {
        query.set('cursor', cursor);
      }
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'postmortems',
      });
      const response = await fetch(`${baseUrl}${path}?${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) {
        throw new Error(
          `GET ${path} of the postmortems plugin answered ${
            response.status
          }: ${await response.text()}`,
        );
      }
      const page = (await response.json()) as {
        items: T[];
        nextCursor?: string;
      };
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }
}
