import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The example app's own text around notifications: how the notification
 * settings name where notifications come from.
 */
export const appNotificationsTranslationRef = createTranslationRef({
  id: 'example-notifications',
  messages: {
    origins: {
      postmortems: 'Postmortems',
    },
  },
  translations: {
    ja: () => import('./translations/appJa'),
  },
});
