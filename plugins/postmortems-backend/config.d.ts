export interface Config {
  /** Configuration of the postmortems plugin. */
  postmortems?: {
    /**
     * Postmortem templates offered besides the built-in `sre-book`: each
     * names the sections a postmortem is written in, with titles per
     * language.
     */
    templates?: Array<{
      /** Unique id, stored on each postmortem; e.g. `short`. */
      id: string;
      /** Title per language, e.g. `{ en: 'Short', ja: '簡易版' }`. */
      title: { [language: string]: string };
      sections: Array<{
        /** The key under which a postmortem stores the section. */
        key: string;
        title: { [language: string]: string };
        description?: { [language: string]: string };
      }>;
    }>;
    readingSessions?: {
      /**
       * The IANA time zone that decides which month a reading session
       * belongs to, and what "today" is for overdue action items.
       * Defaults to UTC.
       */
      timezone?: string;
    };
  };
}
