import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

const CONFIG_KEY = 'search.collators.postmortems';

/** The collator's settings under `search.collators.postmortems`. */
export interface PostmortemsCollatorConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** The app path of a postmortem, `:id` replaced by its id. */
  locationTemplate: string;
  /** Whether action items are indexed too. */
  actionItems: boolean;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

/** The settings, with their defaults; a bad one throws, naming its key. */
export function readCollatorConfig(root: Config): PostmortemsCollatorConfig {
  const config = root.getOptionalConfig(CONFIG_KEY);
  let schedule = DEFAULT_SCHEDULE;
  if (config?.has('schedule')) {
    try {
      schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      );
    } catch (error) {
      throw new Error(`${CONFIG_KEY}.schedule: ${error}`);
    }
  }
  const locationTemplate =
    config?.getOptionalString('locationTemplate') ?? '/postmortems/:id';
  if (!locationTemplate.includes(':id')) {
    throw new Error(`${CONFIG_KEY}.locationTemplate: must contain ":id"`);
  }
  return {
    schedule,
    locationTemplate,
    actionItems: config?.getOptionalBoolean('actionItems.enabled') ?? false,
  };
}
