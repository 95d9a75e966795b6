import {
  createFrontendModule,
  createTranslationResource,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { notificationsTranslationRef } from '@backstage/plugin-notifications';

/**
 * The notifications plugin's own text in Japanese, used when the app's
 * language is `ja` (the plugin ships English only).
 */
const notificationsJapanese = TranslationBlueprint.make({
  name: 'ja',
  params: {
    resource: createTranslationResource({
      ref: notificationsTranslationRef,
      translations: { ja: () => import('./translations/ja') },
    }),
  },
});

/**
 * The per-topic notification settings, as a tab of the user settings page
 * (`/settings/notifications`): a person mutes one kind of notification (a
 * topic) or everything from one origin. The plugin provides the card but
 * not, in the new frontend system, a place for it.
 */
const notificationSettingsPage = SubPageBlueprint.make({
  attachTo: { id: 'page:user-settings', input: 'pages' },
  name: 'settings',
  params: {
    path: 'notifications',
    title: 'Notifications',
    loader: () =>
      import('./NotificationSettings').then(m => <m.NotificationSettings />),
  },
});

export const notificationsModule = createFrontendModule({
  pluginId: 'notifications',
  extensions: [notificationsJapanese, notificationSettingsPage],
});
