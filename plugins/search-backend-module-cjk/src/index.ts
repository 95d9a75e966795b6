/**
 * Japanese, Chinese and Korean words found inside sentences by the portal's
 * search, on Lunr and on PostgreSQL.
 *
 * @packageDocumentation
 */

export { searchModuleCjkEngine as default } from './module';
export {
  CjkSearchEngine,
  CJK_TOKENS_FIELD,
  type CjkSearchEngineOptions,
} from './CjkSearchEngine';
export { CjkLunrSearchEngine } from './CjkLunrSearchEngine';
