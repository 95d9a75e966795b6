import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  ActionItem,
  Page,
  Postmortem,
  PostmortemRevision,
  ReadingSession,
} from '@postmortems/backstage-plugin-postmortems-common';
import { DatabaseActionItems } from './DatabaseActionItems';
import { DatabasePostmortems } from './DatabasePostmortems';
import { DatabaseReadingSessions } from './DatabaseReadingSessions';
import { applyDatabaseMigrations } from './migrations';
import {
  ActionItemFilter,
  ActionItemInput,
  PostmortemFilter,
  PostmortemInput,
  PostmortemStore,
  ReadingSessionFilter,
  ReadingSessionInput,
  SuggestionCandidates,
} from './PostmortemStore';
import { StoreContext } from './StoreContext';

/**
 * Options of {@link DatabasePostmortemStore.create}.
 *
 * @alpha
 */
export interface DatabasePostmortemStoreOptions {
  database: DatabaseService;
  /** Leave the schema alone (someone else migrates it). */
  skipMigrations?: boolean;
  /** The current time; tests and the example data pin it. */
  clock?: () => Date;
  /** The IANA time zone whose calendar day decides what is overdue. */
  timezone?: string;
}

/**
 * The {@link PostmortemStore} on the plugin's Knex database (SQLite,
 * PostgreSQL or MySQL). Each resource has a class of its own
 * (`DatabasePostmortems`, `DatabaseActionItems`, `DatabaseReadingSessions`)
 * on one shared database, clock and time zone; this class is the one door
 * to them.
 *
 * @alpha
 */
export class DatabasePostmortemStore implements PostmortemStore {
  static async create(
    options: DatabasePostmortemStoreOptions,
  ): Promise<DatabasePostmortemStore> {
    const knex = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await applyDatabaseMigrations(knex);
    }
    return new DatabasePostmortemStore(
      new StoreContext(
        knex,
        options.clock ?? (() => new Date()),
        options.timezone ?? 'UTC',
      ),
    );
  }

  private readonly postmortems: DatabasePostmortems;
  private readonly actionItems: DatabaseActionItems;
  private readonly readingSessions: DatabaseReadingSessions;

  private constructor(context: StoreContext) {
    this.postmortems = new DatabasePostmortems(context);
    this.actionItems = new DatabaseActionItems(context);
    this.readingSessions = new DatabaseReadingSessions(context);
  }

  // ---------------------------------------------------------------- postmortems

  createPostmortem(input: PostmortemInput, by: string): Promise<Postmortem> {
    return this.postmortems.createPostmortem(input, by);
  }

  getPostmortem(
    id: string,
    options?: { includeDeleted?: boolean },
  ): Promise<Postmortem | undefined> {
    return this.postmortems.getPostmortem(id, options);
  }

  getPostmortems(ids: string[]): Promise<Postmortem[]> {
    return this.postmortems.getPostmortems(ids);
  }

  listPostmortems(filter: PostmortemFilter): Promise<Page<Postmortem>> {
    return this.postmortems.listPostmortems(filter);
  }

  updatePostmortem(
    id: string,
    expectedVersion: number,
    patch: Partial<PostmortemInput>,
    by: string,
  ): Promise<Postmortem> {
    return this.postmortems.updatePostmortem(id, expectedVersion, patch, by);
  }

  deletePostmortem(id: string, by: string): Promise<void> {
    return this.postmortems.deletePostmortem(id, by);
  }

  restorePostmortem(id: string, by: string): Promise<Postmortem> {
    return this.postmortems.restorePostmortem(id, by);
  }

  listRevisions(postmortemId: string): Promise<PostmortemRevision[]> {
    return this.postmortems.listRevisions(postmortemId);
  }

  // --------------------------------------------------------------- action items

  createActionItem(
    postmortemId: string,
    input: ActionItemInput,
    by: string,
  ): Promise<ActionItem> {
    return this.actionItems.createActionItem(postmortemId, input, by);
  }

  getActionItem(id: string): Promise<ActionItem | undefined> {
    return this.actionItems.getActionItem(id);
  }

  listActionItems(filter: ActionItemFilter): Promise<Page<ActionItem>> {
    return this.actionItems.listActionItems(filter);
  }

  updateActionItem(
    id: string,
    expectedVersion: number,
    patch: Partial<ActionItemInput>,
    by: string,
  ): Promise<ActionItem> {
    return this.actionItems.updateActionItem(id, expectedVersion, patch, by);
  }

  deleteActionItem(id: string): Promise<void> {
    return this.actionItems.deleteActionItem(id);
  }

  // ----------------------------------------------------------- reading sessions

  createReadingSession(
    input: ReadingSessionInput,
    by: string,
  ): Promise<ReadingSession> {
    return this.readingSessions.createReadingSession(input, by);
  }

  getReadingSession(id: string): Promise<ReadingSession | undefined> {
    return this.readingSessions.getReadingSession(id);
  }

  listReadingSessions(
    filter: ReadingSessionFilter,
  ): Promise<Page<ReadingSession>> {
    return this.readingSessions.listReadingSessions(filter);
  }

  updateReadingSession(
    id: string,
    expectedVersion: number,
    patch: Partial<ReadingSessionInput>,
    by: string,
  ): Promise<ReadingSession> {
    return this.readingSessions.updateReadingSession(
      id,
      expectedVersion,
      patch,
      by,
    );
  }

  suggestionCandidates(ownerGroup: string): Promise<SuggestionCandidates> {
    return this.readingSessions.suggestionCandidates(ownerGroup);
  }
}
