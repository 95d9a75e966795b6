export interface Config {
  search?: {
    cjk?: {
      /**
       * The engine the CJK words are searched with: `pg` (PostgreSQL's text
       * search, configured by `search.pg` as for the pg module), `lunr` (in
       * memory), or `auto` (PostgreSQL when the search plugin's database
       * supports it, else Lunr). Default `auto`.
       */
      engine?: 'auto' | 'lunr' | 'pg';
    };
  };
}
