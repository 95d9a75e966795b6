import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConcreteLunrQuery,
  LunrSearchEngine,
} from '@backstage/plugin-search-backend-node';
import { SearchQuery } from '@backstage/plugin-search-common';
import lunr from 'lunr';
import { isCjkToken, isSingleCharacterToken } from './cjkText';

/**
 * Lunr, the search backend's built-in engine, with a translator that treats
 * the CJK tokens of {@link CjkSearchEngine} as words that must all match,
 * exactly (a one-character word: as a prefix). Lunr's own translator makes
 * every word optional and fuzzy, which for character pairs finds pairs that
 * merely look alike (滞在 for 滞留). Other words are translated as Lunr does.
 *
 * Use it inside a {@link CjkSearchEngine}.
 *
 * @public
 */
export class CjkLunrSearchEngine extends LunrSearchEngine {
  constructor(options: { logger: LoggerService }) {
    super(options);
    const lunrTranslator = this.translator;
    this.translator = (query: SearchQuery): ConcreteLunrQuery => {
      const words = query.term.split(/\s+/).filter(Boolean);
      const cjkTokens = words.filter(isCjkToken);
      const base = lunrTranslator({
        ...query,
        term: words.filter(word => !isCjkToken(word)).join(' '),
      }) as ConcreteLunrQuery;
      if (!cjkTokens.length) {
        return base;
      }
      return {
        ...base,
        lunrQueryBuilder: (builder: lunr.Query) => {
          for (const token of cjkTokens) {
            builder.term(token, {
              presence: lunr.Query.presence.REQUIRED,
              usePipeline: false,
              boost: 100,
              wildcard: isSingleCharacterToken(token)
                ? lunr.Query.wildcard.TRAILING
                : lunr.Query.wildcard.NONE,
            });
          }
          base.lunrQueryBuilder.call(builder, builder);
        },
      };
    };
  }
}
