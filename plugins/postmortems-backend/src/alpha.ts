/**
 * The store of the postmortems backend, for modules that fill or read it
 * directly (the example app seeds its data through it).
 *
 * @packageDocumentation
 */

export { DatabasePostmortemStore } from './database/DatabasePostmortemStore';
export type { DatabasePostmortemStoreOptions } from './database/DatabasePostmortemStore';
export type {
  ActionItemFilter,
  ActionItemInput,
  PostmortemFilter,
  PostmortemInput,
  PostmortemStore,
  ReadingSessionFilter,
  ReadingSessionInput,
  SuggestionCandidate,
  SuggestionCandidates,
} from './database/PostmortemStore';
