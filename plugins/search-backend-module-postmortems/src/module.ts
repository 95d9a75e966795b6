import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { ActionItemCollatorFactory } from './collators/ActionItemCollatorFactory';
import { PostmortemCollatorFactory } from './collators/PostmortemCollatorFactory';
import { PostmortemsApiReader } from './collators/PostmortemsApiReader';
import { catalogEntityTitles } from './collators/entityTitles';
import { readCollatorConfig } from './config';

/**
 * Postmortems in the portal's search: every live postmortem as a document
 * of type `postmortem`, and with `search.collators.postmortems.actionItems.enabled`
 * their action items as `postmortem-action-item`, indexed again on the
 * schedule of `search.collators.postmortems.schedule` (default every 10
 * minutes). Results are shown to those the plugin's read permission
 * (`postmortem.read`) allows.
 *
 * @public
 */
export const searchModulePostmortemsCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'postmortems-collator',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
        catalog: catalogServiceRef,
      },
      async init({
        auth,
        config,
        discovery,
        scheduler,
        indexRegistry,
        catalog,
      }) {
        const settings = readCollatorConfig(config);
        const reader = new PostmortemsApiReader({ auth, discovery });
        const entityTitles = catalogEntityTitles({ auth, catalog });
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(settings.schedule),
          factory: new PostmortemCollatorFactory({
            reader,
            entityTitles,
            locationTemplate: settings.locationTemplate,
          }),
        });
        if (settings.actionItems) {
          indexRegistry.addCollator({
            schedule: scheduler.createScheduledTaskRunner(settings.schedule),
            factory: new ActionItemCollatorFactory({
              reader,
              entityTitles,
              locationTemplate: settings.locationTemplate,
            }),
          });
        }
      },
    });
  },
});
