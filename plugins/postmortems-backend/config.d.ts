import { HumanDuration } from '@backstage/types';

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
    /** How long what is deleted is kept. */
    retention?: {
      /**
       * Deleted postmortems are purged (deleted for good, with their
       * action items and history) this long after they were deleted: a
       * duration such as `{ days: 90 }` or ISO 8601 `P90D`. Unset (the
       * default): they are kept for good, to be restored at any time.
       */
      purgeDeletedAfter?: HumanDuration | string;
    };
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
