/*
 * The example backend for Postmortems for Backstage: the catalog, search,
 * guest sign-in for development, notifications and signals, and the
 * postmortems plugin.
 */

import { createBackend } from '@backstage/backend-defaults';
import { postmortemsExampleDataModule } from './exampleData';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for local development
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permissions: allow-all in the example app; adopters bring their own policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// search: Lunr in memory on SQLite, PostgreSQL's text search on PostgreSQL,
// both finding Japanese words inside sentences (the cjk engine module takes
// the place of @backstage/plugin-search-backend-module-pg); the catalog and
// the postmortems are indexed
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@postmortems/backstage-plugin-search-backend-module-cjk'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(
  import('@postmortems/backstage-plugin-search-backend-module-postmortems'),
);

// user settings (language, theme), pushed to open browsers through signals
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// events: the bus that carries signals between replicas. A notification sent
// by one backend instance reaches a browser connected to another through it.
// Its event bus spans processes only on PostgreSQL; on SQLite there is one
// process anyway, and events stay inside it.
backend.add(import('@backstage/plugin-events-backend'));

// notifications: the bell, the notifications page and per-topic settings;
// new ones are pushed to open browsers through signals
backend.add(import('@backstage/plugin-notifications-backend'));

backend.add(import('@postmortems/backstage-plugin-postmortems-backend'));
backend.add(
  import(
    '@postmortems/backstage-plugin-postmortems-backend-module-notifications'
  ),
);
// example postmortems, action items and reading sessions on first start
backend.add(postmortemsExampleDataModule);

// MCP: the actions of the plugins in backend.actions.pluginSources (the
// postmortems' reads) as tools for AI assistants, at /api/mcp-actions/v1
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.start();
