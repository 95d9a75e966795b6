import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  ActionItem,
  Postmortem,
  ReadingSession,
} from '@postmortems/backstage-plugin-postmortems-common';
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
 * A write accepted through the plugin's API: what it wrote, what was there
 * before (for an update), and who wrote it (`by`, a user entity ref or a
 * service subject). Writes of data providers are not announced.
 *
 * @public
 */
export type PostmortemsChange =
  | {
      kind: 'postmortem';
      action: 'created' | 'updated';
      postmortem: Postmortem;
      previous?: Postmortem;
      by: string;
    }
  | {
      kind: 'actionItem';
      action: 'created' | 'updated';
      actionItem: ActionItem;
      previous?: ActionItem;
      by: string;
    }
  | {
      kind: 'readingSession';
      action: 'created' | 'updated';
      readingSession: ReadingSession;
      previous?: ReadingSession;
      by: string;
    };

/**
 * Told of every write accepted through the plugin's API, after it is
 * stored. The request does not wait for a listener, and a listener that
 * fails is logged, never failing the write.
 *
 * @public
 */
export interface PostmortemsChangeListener {
  /** A unique name, used in logs. */
  getListenerName(): string;
  onChange(change: PostmortemsChange): Promise<void>;
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
  /** Adds listeners to the writes made through the API. */
  addChangeListener(
    ...listeners: Array<PostmortemsChangeListener | PostmortemsChangeListener[]>
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
