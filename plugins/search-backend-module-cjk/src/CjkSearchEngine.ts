import {
  QueryRequestOptions,
  QueryTranslator,
  SearchEngine,
} from '@backstage/plugin-search-backend-node';
import {
  IndexableDocument,
  IndexableResult,
  IndexableResultSet,
  SearchQuery,
} from '@backstage/plugin-search-common';
import { Writable, finished } from 'node:stream';
import { cjkRuns, indexTokens, translateTerm } from './cjkText';
import { highlightWords } from './highlight';

/**
 * The document field that holds the CJK tokens of a document's title and
 * text. It is added to every document of every type when indexed, and
 * removed from every result.
 *
 * @public
 */
export const CJK_TOKENS_FIELD = '_cjk';

/** The fields whose CJK text is indexed and highlighted. */
const TEXT_FIELDS = ['title', 'text'] as const;

/** A document with the tokens of its title and text. */
function withTokens(document: IndexableDocument): IndexableDocument {
  const tokens = TEXT_FIELDS.map(field => indexTokens(document[field] ?? ''))
    .filter(Boolean)
    .join(' ');
  return { ...document, [CJK_TOKENS_FIELD]: tokens } as IndexableDocument;
}

/**
 * An indexer that hands each document to the engine's own indexer with its
 * CJK tokens added, and finishes when that one has.
 */
class CjkIndexer extends Writable {
  constructor(private readonly inner: Writable) {
    super({ objectMode: true });
    inner.on('error', error => this.destroy(error));
  }

  _write(
    document: IndexableDocument,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ) {
    if (this.inner.write(withTokens(document))) {
      done();
    } else {
      this.inner.once('drain', () => done());
    }
  }

  _final(done: (error?: Error | null) => void) {
    finished(this.inner, error => done(error));
    this.inner.end();
  }
}

/** A result without the tokens, with the CJK words of the query highlighted. */
function presentResult(
  result: IndexableResult,
  words: string[],
  wholeField: boolean,
): IndexableResult {
  const { [CJK_TOKENS_FIELD]: _tokens, ...document } =
    result.document as IndexableDocument & Record<string, unknown>;
  if (!result.highlight) {
    return { ...result, document };
  }
  const {
    [CJK_TOKENS_FIELD]: _highlightedTokens,
    ...fields
  }: Record<string, string> = result.highlight.fields ?? {};
  if (words.length) {
    for (const field of TEXT_FIELDS) {
      const highlighted = highlightWords({
        highlighted: fields[field] || undefined,
        original: document[field],
        words,
        tags: result.highlight,
        wholeField,
      });
      if (highlighted) {
        fields[field] = highlighted;
      }
    }
  }
  return { ...result, document, highlight: { ...result.highlight, fields } };
}

/**
 * Options of {@link CjkSearchEngine}.
 *
 * @public
 */
export interface CjkSearchEngineOptions {
  /**
   * Whether the engine's highlight of a field is the whole field (Lunr) or
   * a snippet cut around the matches (PostgreSQL, Elasticsearch). A CJK
   * word's snippet is cut the same way.
   */
  highlightsWholeField: boolean;
}

/**
 * A search engine that finds Japanese, Chinese and Korean words inside
 * sentences, around another engine (Lunr, PostgreSQL …) that splits text at
 * spaces only.
 *
 * Each document's title and text are indexed with a field of overlapping
 * character pairs as ASCII tokens ({@link CJK_TOKENS_FIELD}); a query's CJK
 * words are sent as the pairs they consist of, all of which must match, and
 * the words are highlighted in the results. Words in other scripts are sent
 * as typed, so English search works as the engine makes it work.
 *
 * @public
 */
export class CjkSearchEngine implements SearchEngine {
  constructor(
    private readonly engine: SearchEngine,
    private readonly options: CjkSearchEngineOptions,
  ) {}

  /** Sets the translator of the engine inside. */
  setTranslator(translator: QueryTranslator): void {
    this.engine.setTranslator(translator);
  }

  /** The engine's indexer, handed each document with its CJK tokens. */
  async getIndexer(type: string): Promise<Writable> {
    return new CjkIndexer(await this.engine.getIndexer(type));
  }

  /** The engine's results for the query, its CJK words sent as their pairs. */
  async query(
    query: SearchQuery,
    options?: QueryRequestOptions,
  ): Promise<IndexableResultSet> {
    const words = cjkRuns(query.term);
    const resultSet = await this.engine.query(
      words.length ? { ...query, term: translateTerm(query.term) } : query,
      options,
    );
    return {
      ...resultSet,
      results: resultSet.results.map(result =>
        presentResult(result, words, this.options.highlightsWholeField),
      ),
    };
  }
}
