import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { ReactNode } from 'react';
import { Link as RouterLink, Route } from 'react-router-dom';
import { useQueryParams } from '../../hooks/useQueryParams';
import { postmortemsTranslationRef } from '../../translation';
import { ActionItemList } from '../ActionItemList';
import { DeletedPostmortemList } from '../DeletedPostmortemList';
import { InsightsContent } from '../Insights';
import { PostmortemList } from '../PostmortemList';
import { PostmortemRoutes } from '../PostmortemRoutes';
import { ReadingSessionDetail } from '../ReadingSessionDetail';
import { ReadingSessionList } from '../ReadingSessionList';

const PageTabs = (props: {
  selected: 'postmortems' | 'action-items' | 'reading-sessions' | 'insights';
  /** Controls of the selected tab, shown at the end of the tab row. */
  actions?: ReactNode;
  children: ReactNode;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  // The tab links are relative to the tab's own route: the list lives at
  // the page's base path, the other tabs one level below it.
  const base = props.selected === 'postmortems' ? '.' : '..';
  return (
    <Box>
      <Box mb={2} display="flex" alignItems="center" flexWrap="wrap">
        <Tabs value={props.selected} indicatorColor="primary">
          <Tab
            value="postmortems"
            label={t('page.postmortemsTab')}
            component={RouterLink}
            to={base}
          />
          <Tab
            value="action-items"
            label={t('page.actionItemsTab')}
            component={RouterLink}
            to={`${base}/action-items`}
          />
          <Tab
            value="reading-sessions"
            label={t('readingSession.tab')}
            component={RouterLink}
            to={`${base}/reading-sessions`}
          />
          <Tab
            value="insights"
            label={t('page.insightsTab')}
            component={RouterLink}
            to={`${base}/insights`}
          />
        </Tabs>
        <Box flexGrow={1} />
        {props.actions}
      </Box>
      {props.children}
    </Box>
  );
};

const DELETED_KEY = ['deleted'] as const;

/**
 * The postmortems tab: the live postmortems, or with "Show deleted" (kept
 * in the URL, so the back button and links keep it) the deleted ones.
 */
const PostmortemsTab = () => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  // Only its own parameter: the list's filters stay in the URL for the
  // way back from the deleted ones.
  const params = useQueryParams(DELETED_KEY);
  const showDeleted = params.value('deleted') === 'true';
  return (
    <PageTabs
      selected="postmortems"
      actions={
        <FormControlLabel
          control={
            <Switch
              color="primary"
              checked={showDeleted}
              onChange={(_e, checked) =>
                params.set({ deleted: checked ? 'true' : undefined })
              }
            />
          }
          label={t('deletedList.show')}
        />
      }
    >
      {showDeleted ? <DeletedPostmortemList /> : <PostmortemList />}
    </PageTabs>
  );
};

/**
 * The standalone page's content without a header: all postmortems, all
 * action items, all reading sessions and the insights of everything as
 * tabs, and the postmortem screens below. The new frontend
 * system's page layout supplies the header.
 *
 * @public
 */
export const PostmortemsPageContent = () => (
  <Content>
    <PostmortemRoutes index={<PostmortemsTab />}>
      <Route
        path="action-items"
        element={
          <PageTabs selected="action-items">
            <ActionItemList />
          </PageTabs>
        }
      />
      <Route
        path="reading-sessions"
        element={
          <PageTabs selected="reading-sessions">
            <ReadingSessionList />
          </PageTabs>
        }
      />
      <Route
        path="reading-sessions/:sessionId"
        element={<ReadingSessionDetail />}
      />
      <Route
        path="insights"
        element={
          <PageTabs selected="insights">
            <InsightsContent
              scope={{ type: 'portal' }}
              newPostmortemLink="../new"
            />
          </PageTabs>
        }
      />
    </PostmortemRoutes>
  </Content>
);

/**
 * The standalone `/postmortems` page with its own header, for the legacy
 * frontend system.
 *
 * @public
 */
export const PostmortemsPage = () => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <PostmortemsPageContent />
    </Page>
  );
};
