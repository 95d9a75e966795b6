import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import { postmortemReadPermission } from '@postmortems/backstage-plugin-postmortems-common';
import { Readable } from 'node:stream';
import { EntityTitles } from './entityTitles';
import { PostmortemsApiReader } from './PostmortemsApiReader';

/**
 * Collates every item of one of the postmortems plugin's list routes
 * (`/postmortems`, `/action-items`) as a search document of `type`, with the
 * catalog titles of its entities, behind the plugin's read permission.
 */
export class PostmortemsApiCollatorFactory<
  T extends { entityRefs: string[] },
  D extends IndexableDocument,
> implements DocumentCollatorFactory
{
  readonly type: string;
  readonly visibilityPermission = postmortemReadPermission;

  constructor(
    private readonly options: {
      type: string;
      /** The list route to read, page by page. */
      path: string;
      reader: PostmortemsApiReader;
      entityTitles: EntityTitles;
      toDocument: (item: T, entityTitles: Map<string, string>) => D;
    },
  ) {
    this.type = options.type;
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<D> {
    const { reader, path, entityTitles, toDocument } = this.options;
    for await (const page of reader.pages<T>(path)) {
      const titles = await entityTitles(page.flatMap(item => item.entityRefs));
      for (const item of page) {
        yield toDocument(item, titles);
      }
    }
  }
}
