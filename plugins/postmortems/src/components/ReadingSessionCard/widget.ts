import type { CardLayout, CardSettings } from '@backstage/plugin-home-react';
import { DEFAULT_READING_SESSION_GROUP } from './ReadingSessionCardTitle';

/**
 * The name both frontend systems give the card on a home page grid; the
 * `component` of a `defaultConfig` entry.
 */
export const READING_SESSION_WIDGET_NAME = 'HomePageReadingSessionCard';

/** The English title, for widget catalogues that only take a string. */
export const READING_SESSION_WIDGET_TITLE = 'Postmortem reading session';

export const READING_SESSION_WIDGET_DESCRIPTION =
  "A team's postmortem reading session this month: the pick, its open action items, suggestions, notes";

// Wide and tall enough for the pick, its action items and the buttons
// without scrolling inside the card.
export const readingSessionWidgetLayout: CardLayout = {
  width: { minColumns: 4, defaultColumns: 8 },
  height: { minRows: 6, defaultRows: 11 },
};

/**
 * Per-card settings of a customisable home page: which group's session.
 * The default is the configured group (or the SRE team).
 */
export function readingSessionWidgetSettings(
  defaultGroup: string = DEFAULT_READING_SESSION_GROUP,
): CardSettings {
  return {
    schema: {
      title: READING_SESSION_WIDGET_TITLE,
      type: 'object',
      properties: {
        ownerGroup: {
          title: 'Group (entity reference)',
          type: 'string',
          default: defaultGroup,
        },
      },
    },
  };
}
