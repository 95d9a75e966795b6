import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import {
  ACTION_ITEM_DOCUMENT_TYPE,
  ActionItem,
  POSTMORTEM_DOCUMENT_TYPE,
  Postmortem,
} from '@postmortems/backstage-plugin-postmortems-common';
import { PostmortemsApiCollatorFactory } from './collators/PostmortemsApiCollatorFactory';
import { PostmortemsApiReader } from './collators/PostmortemsApiReader';
import { catalogEntityTitles } from './collators/entityTitles';
import { readCollatorConfig } from './config';
import { actionItemDocument, postmortemDocument } from './documents';

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
        const { locationTemplate } = settings;
        const reader = new PostmortemsApiReader({ auth, discovery });
        const entityTitles = catalogEntityTitles({ auth, catalog });
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(settings.schedule),
          factory: new PostmortemsApiCollatorFactory({
            type: POSTMORTEM_DOCUMENT_TYPE,
            path: '/postmortems',
            reader,
            entityTitles,
            toDocument: (postmortem: Postmortem, titles) =>
              postmortemDocument(postmortem, {
                locationTemplate,
                entityTitles: titles,
              }),
          }),
        });
        if (settings.actionItems) {
          indexRegistry.addCollator({
            schedule: scheduler.createScheduledTaskRunner(settings.schedule),
            factory: new PostmortemsApiCollatorFactory({
              type: ACTION_ITEM_DOCUMENT_TYPE,
              path: '/action-items',
              reader,
              entityTitles,
              toDocument: (item: ActionItem, titles) =>
                actionItemDocument(item, {
                  locationTemplate,
                  entityTitles: titles,
                }),
            }),
          });
        }
      },
    });
  },
});
