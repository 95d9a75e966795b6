import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Reads the catalog titles of entities, for the results to show. */
export type EntityTitles = (refs: string[]) => Promise<Map<string, string>>;

/**
 * The catalog titles of the entities that have one, read with the search
 * plugin's own credentials, one request per page of documents.
 */
export function catalogEntityTitles(options: {
  auth: AuthService;
  catalog: CatalogService;
}): EntityTitles {
  const { auth, catalog } = options;
  return async refs => {
    const entityRefs = [...new Set(refs)];
    const titles = new Map<string, string>();
    if (!entityRefs.length) {
      return titles;
    }
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs, fields: ['metadata.title'] },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    items.forEach((entity, index) => {
      const title = entity?.metadata?.title;
      if (title) {
        titles.set(entityRefs[index], title);
      }
    });
    return titles;
  };
}
