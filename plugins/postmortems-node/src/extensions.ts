import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { PostmortemsStores } from './stores';

/**
 * What the plugin hands a data provider once its database is migrated.
 *
 * @public
 */
export interface PostmortemsDataConnection {
  /**
   * The plugin's stores. Writes are stamped with `clock` (default: now), so
   * an importer or an example-data seed can keep the dates a postmortem
   * really has.
   */
  stores(options?: { clock?: () => Date }): PostmortemsStores;
}

/**
 * A source of postmortems, action items or reading sessions: an importer,
 * a sync with another tool, the example data of a demo app.
 *
 * @public
 */
export interface PostmortemsDataProvider {
  /** A unique name, used in logs. */
  getProviderName(): string;
  /**
   * Called once during the plugin's startup, before it serves requests;
   * the plugin waits for it, so long work belongs in a scheduled task.
   */
  connect(connection: PostmortemsDataConnection): Promise<void>;
}

/**
 * Where backend modules plug into the postmortems plugin.
 *
 * @public
 */
export interface PostmortemsExtensionPoint {
  /** Adds providers of data, connected in the order they were added. */
  addDataProvider(
    ...providers: Array<PostmortemsDataProvider | PostmortemsDataProvider[]>
  ): void;
}

/**
 * The extension point of the postmortems backend plugin.
 *
 * @public
 */
export const postmortemsExtensionPoint =
  createExtensionPoint<PostmortemsExtensionPoint>({
    id: 'postmortems',
  });
