import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  ACTION_ITEM_DOCUMENT_TYPE,
  ActionItem,
  PostmortemActionItemDocument,
  postmortemReadPermission,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Readable } from 'node:stream';
import { actionItemDocument } from '../documents';
import { EntityTitles } from './entityTitles';
import { PostmortemsApiReader } from './PostmortemsApiReader';

/**
 * Collates every action item of a live postmortem as a search document of
 * type `postmortem-action-item`, behind the plugin's read permission.
 */
export class ActionItemCollatorFactory implements DocumentCollatorFactory {
  readonly type = ACTION_ITEM_DOCUMENT_TYPE;
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

  private async *execute(): AsyncGenerator<PostmortemActionItemDocument> {
    const { reader, locationTemplate } = this.options;
    for await (const page of reader.pages<ActionItem>('/action-items')) {
      const entityTitles = await this.options.entityTitles(
        page.flatMap(item => item.entityRefs),
      );
      for (const item of page) {
        yield actionItemDocument(item, { locationTemplate, entityTitles });
      }
    }
  }
}
