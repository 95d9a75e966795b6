import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { PgSearchEngine } from '@backstage/plugin-search-backend-module-pg';
import { searchEngineRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { CjkLunrSearchEngine } from './CjkLunrSearchEngine';
import { CjkSearchEngine } from './CjkSearchEngine';

const ENGINES = ['auto', 'lunr', 'pg'] as const;

/**
 * The search engine of the search backend, Lunr or PostgreSQL, inside a
 * {@link CjkSearchEngine}: Japanese, Chinese and Korean words are found
 * inside sentences. It takes the place of the search backend's built-in
 * Lunr and of `@backstage/plugin-search-backend-module-pg`: install it
 * instead of the latter.
 *
 * `search.cjk.engine`: `pg` (PostgreSQL's text search, with the `search.pg`
 * options of the pg module), `lunr` (in memory), or `auto` (the default:
 * PostgreSQL when the search plugin's database supports it, else Lunr).
 *
 * @public
 */
export const searchModuleCjkEngine = createBackendModule({
  pluginId: 'search',
  moduleId: 'cjk-engine',
  register(env) {
    env.registerInit({
      deps: {
        searchEngineRegistry: searchEngineRegistryExtensionPoint,
        database: coreServices.database,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ searchEngineRegistry, database, config, logger }) {
        const engine = config.getOptionalString('search.cjk.engine') ?? 'auto';
        if (!(ENGINES as readonly string[]).includes(engine)) {
          throw new Error(
            `search.cjk.engine: "${engine}" is not one of ${ENGINES.join(
              ', ',
            )}`,
          );
        }
        const pgSupported =
          engine !== 'lunr' && (await PgSearchEngine.supported(database));
        if (engine === 'pg' && !pgSupported) {
          throw new Error(
            'search.cjk.engine: "pg" needs the search plugin to use PostgreSQL 12 or newer',
          );
        }
        if (pgSupported) {
          logger.info('Search engine: PostgreSQL, with CJK words');
          searchEngineRegistry.setSearchEngine(
            new CjkSearchEngine(
              await PgSearchEngine.fromConfig(config, { database, logger }),
              { highlightsWholeField: false },
            ),
          );
          return;
        }
        logger.info('Search engine: Lunr (in memory), with CJK words');
        searchEngineRegistry.setSearchEngine(
          new CjkSearchEngine(new CjkLunrSearchEngine({ logger }), {
            highlightsWholeField: true,
          }),
        );
      },
    });
  },
});
