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
        topicNames={{
          'overdue-action-items': t('topics.overdueActionItems'),
          'action-items-due-soon': t('topics.actionItemsDueSoon'),
          'action-item-assigned': t('topics.actionItemAssigned'),
          'reading-session': t('topics.readingSession'),
          'postmortem-read': t('topics.postmortemRead'),
          'new-postmortem': t('topics.newPostmortem'),
        }}
      />
    </Content>
  );
};
