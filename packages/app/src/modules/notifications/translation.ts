import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The example app's own text around notifications: how the notification
 * settings name where notifications come from and their topics.
 */
export const appNotificationsTranslationRef = createTranslationRef({
  id: 'example-notifications',
  messages: {
    origins: {
      postmortems: 'Postmortems',
    },
    // The topics of the postmortems notifications module, one per kind.
    topics: {
      overdueActionItems: 'Overdue action items (digest)',
      actionItemsDueSoon: 'Action items due soon',
      actionItemAssigned: 'Action items assigned to me',
      readingSession: 'Reading sessions',
      postmortemRead: 'My postmortems read in a session',
      newPostmortem: 'New postmortems on my services',
    },
  },
  translations: {
    ja: () => import('./translations/appJa'),
  },
});
