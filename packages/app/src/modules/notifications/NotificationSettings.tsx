import { Content } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { UserNotificationSettingsCard } from '@backstage/plugin-notifications';
import { appNotificationsTranslationRef } from './translation';

/** The notification settings tab: per origin and topic, on or off. */
export const NotificationSettings = () => {
  const { t } = useTranslationRef(appNotificationsTranslationRef);
  return (
    <Content>
      <UserNotificationSettingsCard
        originNames={{ 'plugin:postmortems': t('origins.postmortems') }}
      />
    </Content>
  );
};
