import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { PostmortemTemplate } from '@postmortems/backstage-plugin-postmortems-common';
import { PostmortemsStores } from '@postmortems/backstage-plugin-postmortems-node';
import { ActionsContext } from './ActionsContext';
import { registerGetPostmortemAction } from './getPostmortemAction';
import { registerGetReadingSessionPickAction } from './getReadingSessionPickAction';
import { registerListActionItemsAction } from './listActionItemsAction';
import { registerSearchPostmortemsAction } from './searchPostmortemsAction';

/** What the actions need; the plugin's init hands over what the router gets. */
export interface PostmortemsActionsOptions {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  stores: PostmortemsStores;
  templates: PostmortemTemplate[];
  /** The IANA time zone that decides the month of a reading session. */
  timezone: string;
  /** The app's base URL (`app.baseUrl`), for links into the app. */
  appBaseUrl?: string;
  /** The current time; tests pin it. */
  clock?: () => Date;
}

/**
 * Registers the plugin's read-only actions with the actions registry, where
 * `@backstage/plugin-mcp-actions-backend` serves them to AI assistants as
 * MCP tools: `search-postmortems`, `get-postmortem`, `list-action-items` and
 * `get-reading-session-pick`. Each authorizes `postmortem.read` for the
 * caller's credentials, and validates its input as the API does.
 */
export function registerPostmortemsActions(options: PostmortemsActionsOptions) {
  const { actionsRegistry } = options;
  const context: ActionsContext = {
    stores: options.stores,
    permissions: options.permissions,
    templates: options.templates,
    timezone: options.timezone,
    clock: options.clock ?? (() => new Date()),
    appBaseUrl: options.appBaseUrl ?? '',
  };
  registerSearchPostmortemsAction(actionsRegistry, context);
  registerGetPostmortemAction(actionsRegistry, context);
  registerListActionItemsAction(actionsRegistry, context);
  registerGetReadingSessionPickAction(actionsRegistry, context);
}
