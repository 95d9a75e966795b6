import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  POSTMORTEM_DOCUMENT_TYPE,
  Postmortem,
  PostmortemDocument,
  postmortemReadPermission,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Readable } from 'node:stream';
import { postmortemDocument } from '../documents';
import { EntityTitles } from './entityTitles';
import { PostmortemsApiReader } from './PostmortemsApiReader';

/**
 * Collates every live postmortem as a search document of type `postmortem`,
 * with the catalog titles of its entities. Who may see the results is
 * decided by the plugin's read permission.
 */
export class PostmortemCollatorFactory implements DocumentCollatorFactory {
  readonly type = POSTMORTEM_DOCUMENT_TYPE;
  readonly visibilityPermission = postmortemReadPermission;

  constructor(
    private readonly options: {
      reader: PostmortemsApiReader;
      entityTitles: EntityTitles;
      locationTemplate: string;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<PostmortemDocument> {
    const { reader, locationTemplate } = this.options;
    for await (const page of reader.pages<Postmortem>('/postmortems')) {
      const entityTitles = await this.options.entityTitles(
        page.flatMap(p => p.entityRefs),
      );
      for (const postmortem of page) {
        yield postmortemDocument(postmortem, {
          locationTemplate,
          entityTitles,
        });
      }
    }
  }
}
