import {
  ActionItem,
  CreateActionItemRequest,
  CreatePostmortemRequest,
  CreateReadingSessionRequest,
  Insights,
  ListActionItemsQuery,
  ListPostmortemsQuery,
  ListReadingSessionsQuery,
  Page,
  Postmortem,
  PostmortemRevision,
  ReadingSession,
} from '@postmortems/backstage-plugin-postmortems-common';

/*
 * The stores of the postmortems backend, as modules of the plugin see them.
 * What a store takes is what the API takes (the types of
 * `@postmortems/backstage-plugin-postmortems-common`), after validation:
 * entity refs lower-cased, timestamps in UTC, defaults filled in, and the
 * repeatable query parameters named in the plural.
 */

/**
 * A postmortem as it is written: validated and normalised, with every
 * field the API lets a writer leave out filled in.
 *
 * @public
 */
export type PostmortemInput = CreatePostmortemRequest &
  Required<
    Pick<
      CreatePostmortemRequest,
      'status' | 'template' | 'sections' | 'timeline' | 'tags' | 'authors'
    >
  >;

/**
 * Filters and paging of a postmortem list. `from` is inclusive and `to`
 * exclusive, both on `startedAt`. With `deleted` the list holds the
 * soft-deleted postmortems instead of the live ones.
 *
 * @public
 */
export interface PostmortemFilter
  extends Omit<ListPostmortemsQuery, 'entityRef'> {
  entityRefs?: string[];
}

/**
 * An action item as it is written.
 *
 * @public
 */
export type ActionItemInput = CreateActionItemRequest;

/**
 * Filters and paging of an action item list.
 *
 * @public
 */
export interface ActionItemFilter
  extends Omit<ListActionItemsQuery, 'entityRef' | 'owner' | 'status'> {
  postmortemId?: string;
  readingSessionId?: string;
  entityRefs?: string[];
  owners?: string[];
  statuses?: ListActionItemsQuery['status'];
  /** Due on or after this day (YYYY-MM-DD); undated items are left out. */
  dueFrom?: string;
  /** Due on or before this day (YYYY-MM-DD); undated items are left out. */
  dueTo?: string;
}

/**
 * A reading session as it is written.
 *
 * @public
 */
export type ReadingSessionInput = CreateReadingSessionRequest & {
  /** The series it is scheduled in, if any. */
  seriesId?: string;
};

/**
 * Filters and paging of a reading session list, newest first. `from` is
 * inclusive and `to` exclusive, both on `scheduledAt`.
 *
 * @public
 */
export type ReadingSessionFilter = ListReadingSessionsQuery;

/**
 * What ranking sees of a postmortem: the fields that earn it points, without
 * the sections, timeline and the rest that only the top few need.
 *
 * @public
 */
export type SuggestionCandidate = Pick<
  Postmortem,
  | 'id'
  | 'severity'
  | 'startedAt'
  | 'mitigatedAt'
  | 'resolvedAt'
  | 'entityRefs'
  | 'actionItemCounts'
  | 'readings'
>;

/**
 * What ranking the picks of a group's reading sessions needs to know.
 *
 * @public
 */
export interface SuggestionCandidates {
  /** Live published postmortems, with counts and readings. */
  postmortems: SuggestionCandidate[];
  /** Postmortems already picked for a planned session from now on. */
  pickedForUpcoming: string[];
  /** Per entity ref, when the group last read a postmortem about it. */
  lastCoveredAt: Record<string, string>;
}

/**
 * A stored fact about a postmortem that a {@link SuggestionBound} can test:
 * its severity, minutes from start to resolution (or mitigation), how many
 * of its action items are open, the earliest and second earliest due date
 * of those (YYYY-MM-DD), its start, and its start's month in UTC (1–12).
 *
 * @public
 */
export type SuggestionBoundField =
  | 'severity'
  | 'impactMinutes'
  | 'openItems'
  | 'firstOpenDue'
  | 'secondOpenDue'
  | 'startedAt'
  | 'startedMonth';

/**
 * One case of a {@link SuggestionBound} term: its points when every
 * condition holds.
 *
 * @public
 */
export interface SuggestionBoundCase {
  when: Array<{
    field: SuggestionBoundField;
    op: '=' | '<' | '>=' | 'in';
    value: string | number | Date | number[];
  }>;
  points: number;
}

/**
 * The most the ranking can give each postmortem today, in terms a database
 * computes: `constant` plus, per term, the points of its first case that
 * holds (none: 0). It is never below the real score, so candidates taken
 * in its order can stop once it falls below the scores already found.
 *
 * @public
 */
export interface SuggestionBound {
  terms: SuggestionBoundCase[][];
  constant: number;
}

/**
 * One batch of the candidates for a group's next pick, highest bound first
 * (then oldest start, then id), with what scoring them needs.
 *
 * @public
 */
export interface SuggestionCandidatesRequest {
  bound: SuggestionBound;
  /** Left out: postmortems the group read together since then. */
  readSince: Date;
  /** Left out too, besides the picks of the group's upcoming sessions. */
  exclude: string[];
  offset: number;
  limit: number;
}

/**
 * A batch of {@link SuggestionCandidatesRequest}: each candidate with its
 * bound.
 *
 * @public
 */
export interface SuggestionCandidatesBatch extends SuggestionCandidates {
  postmortems: Array<SuggestionCandidate & { bound: number }>;
  /** Whether a next batch may hold more candidates. */
  more: boolean;
}

/**
 * What {@link PostmortemsStore.importPostmortem} did: created the postmortem
 * with its action items, or nothing because a live postmortem with the same
 * title and start exists.
 *
 * @public
 */
export type ImportPostmortemOutcome =
  | { postmortem: Postmortem; actionItems: ActionItem[] }
  | { duplicateOf: string };

/*
 * Writes that carry an expected version throw a `ConflictError` when the
 * stored version differs, and change nothing; missing rows give a
 * `NotFoundError`; a bad cursor gives an `InputError`. Every write takes
 * `by`, the entity ref or service subject recorded as its author.
 */

/**
 * Where postmortems and their history are kept.
 *
 * @public
 */
export interface PostmortemsStore {
  createPostmortem(input: PostmortemInput, by: string): Promise<Postmortem>;
  /**
   * Creates a postmortem and its action items in one transaction, all or
   * nothing; writes nothing when a live postmortem has the same title and
   * the same `startedAt` instant, and names that one instead.
   */
  importPostmortem(
    input: PostmortemInput,
    actionItems: ActionItemInput[],
    by: string,
  ): Promise<ImportPostmortemOutcome>;
  /** A live postmortem; deleted ones only with `includeDeleted`. */
  getPostmortem(
    id: string,
    options?: { includeDeleted?: boolean },
  ): Promise<Postmortem | undefined>;
  /** The live ones of these postmortems, in no particular order. */
  getPostmortems(ids: string[]): Promise<Postmortem[]>;
  /**
   * Live postmortems, newest first by `startedAt`, then by id; with
   * `deleted`, the deleted ones, most recently deleted first, then by id.
   */
  listPostmortems(filter: PostmortemFilter): Promise<Page<Postmortem>>;
  updatePostmortem(
    id: string,
    expectedVersion: number,
    patch: Partial<PostmortemInput>,
    by: string,
  ): Promise<Postmortem>;
  /** Soft delete: the postmortem disappears but keeps its data. */
  deletePostmortem(id: string, by: string): Promise<void>;
  restorePostmortem(id: string, by: string): Promise<Postmortem>;
  /** Every accepted change, oldest first. */
  listRevisions(postmortemId: string): Promise<PostmortemRevision[]>;
}

/**
 * Where the action items of postmortems are kept.
 *
 * @public
 */
export interface ActionItemsStore {
  createActionItem(
    postmortemId: string,
    input: ActionItemInput,
    by: string,
  ): Promise<ActionItem>;
  getActionItem(id: string): Promise<ActionItem | undefined>;
  /** Action items of live postmortems, soonest due first (undated last). */
  listActionItems(filter: ActionItemFilter): Promise<Page<ActionItem>>;
  updateActionItem(
    id: string,
    expectedVersion: number,
    patch: Partial<ActionItemInput>,
    by: string,
  ): Promise<ActionItem>;
  deleteActionItem(id: string): Promise<void>;
}

/**
 * Where reading sessions are kept.
 *
 * @public
 */
export interface ReadingSessionsStore {
  createReadingSession(
    input: ReadingSessionInput,
    by: string,
  ): Promise<ReadingSession>;
  /** Creates all the sessions in one transaction, or none. */
  createReadingSessions(
    inputs: ReadingSessionInput[],
    by: string,
  ): Promise<ReadingSession[]>;
  getReadingSession(id: string): Promise<ReadingSession | undefined>;
  listReadingSessions(
    filter: ReadingSessionFilter,
  ): Promise<Page<ReadingSession>>;
  updateReadingSession(
    id: string,
    expectedVersion: number,
    patch: Partial<ReadingSessionInput>,
    by: string,
  ): Promise<ReadingSession>;
  /**
   * A batch of the candidates for a group's next pick, in the order of
   * `request.bound`, computed by the database.
   */
  suggestionCandidates(
    ownerGroup: string,
    request: SuggestionCandidatesRequest,
  ): Promise<SuggestionCandidatesBatch>;
}

/**
 * What {@link InsightsStore.getInsights} covers: the postmortems about any of
 * `entityRefs` (normalised; none: every postmortem of the portal) and their
 * action items, over the calendar months `from` to `to` (`YYYY-MM`, both
 * inclusive, `from` not after `to`) of the store's time zone.
 *
 * @public
 */
export interface InsightsRequest {
  /** The scope's entities, normalised; none: the whole portal. */
  entityRefs: string[];
  /** The first month, `YYYY-MM`. */
  from: string;
  /** The last month, `YYYY-MM`: the range holds 1 to 60 months. */
  to: string;
}

/**
 * Where the insights of a scope are computed: aggregates of the stored
 * postmortems and action items, grouped by the database.
 *
 * @public
 */
export interface InsightsStore {
  getInsights(request: InsightsRequest): Promise<Insights>;
}

/**
 * The stores of the postmortems plugin, one per resource, on one database.
 *
 * @public
 */
export interface PostmortemsStores {
  postmortems: PostmortemsStore;
  actionItems: ActionItemsStore;
  readingSessions: ReadingSessionsStore;
  insights: InsightsStore;
}
