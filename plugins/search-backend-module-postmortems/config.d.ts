import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The postmortems collator of the portal's search. */
      postmortems?: {
        /**
         * How often postmortems are indexed again (default: every 10
         * minutes, first 3 seconds after start).
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * The app path of a postmortem; `:id` is replaced by its id.
         * Default `/postmortems/:id`, the postmortems page at `/postmortems`.
         */
        locationTemplate?: string;
        /** Whether action items are indexed too, as their own type (default false). */
        actionItems?: {
          enabled?: boolean;
        };
      };
    };
  };
}
