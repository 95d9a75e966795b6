import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { SidebarLogo } from './SidebarLogo';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import NotificationsIcon from '@material-ui/icons/Notifications';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { CatalogSearchResultListItem } from '@backstage/plugin-catalog';
import {
  PostmortemActionItemSearchResultListItem,
  PostmortemSearchResultListItem,
} from '@postmortems/backstage-plugin-postmortems';
import CatalogIcon from '@material-ui/icons/Category';
import PostmortemIcon from '@material-ui/icons/LibraryBooks';
import ActionItemIcon from '@material-ui/icons/AssignmentTurnedIn';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import {
  NotificationsSidebarItem,
  notificationsTranslationRef,
} from '@backstage/plugin-notifications';
import { useTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The bell: the unread count, kept current through signals (a new
 * notification shows without a reload), and a link to /notifications.
 * The count is part of the item's text, so that the link's accessible name
 * says what it shows ("Notifications 3"; WCAG 2.5.3 label in name): the
 * plugin's own badge sits outside the name that SidebarItem gives the link.
 */
const NotificationsBell = () => {
  const { t } = useTranslationRef(notificationsTranslationRef);
  const title = t('sidebar.title');
  return (
    <NotificationsSidebarItem
      renderItem={({ unreadCount, to, onClick }) => (
        <SidebarItem
          icon={NotificationsIcon}
          to={to}
          onClick={onClick}
          text={
            unreadCount > 0
              ? `${title} ${unreadCount > 99 ? '99+' : unreadCount}`
              : title
          }
        />
      )}
    />
  );
};

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      const nav = navItems.withComponent(item => (
        <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
      ));

      // Skipped items
      nav.take('page:search'); // Using search modal instead
      nav.take('page:notifications'); // The bell below links there

      return (
        <Sidebar>
          <SidebarLogo />
          <SidebarGroup label="Search" icon={<SearchIcon />} to="/search">
            <SidebarSearchModal
              resultItemComponents={[
                <PostmortemSearchResultListItem
                  key="postmortem"
                  icon={<PostmortemIcon />}
                />,
                <PostmortemActionItemSearchResultListItem
                  key="action-item"
                  icon={<ActionItemIcon />}
                />,
                <CatalogSearchResultListItem
                  key="catalog"
                  icon={<CatalogIcon />}
                />,
              ]}
            />
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {nav.take('page:home')}
            {nav.take('page:catalog')}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <NotificationsBell />
          <SidebarDivider />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
