import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_MEMBER,
  RELATION_PARENT_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * What the notifications need of the catalog: the people behind an owner
 * (a user is one person; a group is its members and those of its
 * sub-groups, as Backstage's notifications resolve a group) and the names
 * to show. Read with the plugin's own credentials; one directory per run.
 */
export class Directory {
  private readonly entities = new Map<string, Entity | undefined>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  private async load(refs: string[]): Promise<void> {
    const missing = [...new Set(refs)].filter(r => !this.entities.has(r));
    if (missing.length === 0) return;
    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: missing,
        fields: ['kind', 'metadata', 'relations', 'spec.profile'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    missing.forEach((ref, i) => this.entities.set(ref, items[i]));
  }

  /** The users an owner ref stands for; an unknown group stands for nobody. */
  async usersOf(ownerRef: string): Promise<string[]> {
    const users = new Set<string>();
    const seen = new Set<string>([ownerRef]);
    let todo = [ownerRef];
    while (todo.length > 0) {
      const users_ = todo.filter(r => parseEntityRef(r).kind === 'user');
      users_.forEach(u => users.add(u));
      const groups = todo.filter(r => parseEntityRef(r).kind === 'group');
      await this.load(groups);
      todo = [];
      for (const group of groups) {
        for (const relation of this.entities.get(group)?.relations ?? []) {
          const target = relation.targetRef;
          if (relation.type === RELATION_HAS_MEMBER) users.add(target);
          if (relation.type === RELATION_PARENT_OF && !seen.has(target)) {
            seen.add(target);
            todo.push(target);
          }
        }
      }
    }
    return [...users].sort();
  }

  /** The names to show for refs: title, display name, or the entity's name. */
  async titles(refs: string[]): Promise<Map<string, string>> {
    await this.load(refs);
    return new Map(
      refs.map(ref => {
        const entity = this.entities.get(ref);
        const profile = (entity?.spec?.profile ?? {}) as {
          displayName?: string;
        };
        return [
          ref,
          entity?.metadata.title ??
            profile.displayName ??
            entity?.metadata.name ??
            parseEntityRef(ref).name,
        ];
      }),
    );
  }

  async title(ref: string): Promise<string> {
    return (await this.titles([ref])).get(ref)!;
  }
}

/** The ref of an entity, as the directory keys it. */
export const refOf = (entity: Entity) => stringifyEntityRef(entity);
