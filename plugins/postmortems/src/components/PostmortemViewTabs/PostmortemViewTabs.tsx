import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { postmortemsTranslationRef } from '../../translation';

/**
 * The views of an entity's Postmortems tab: the incident history at the
 * tab's base path and the insights at `insights` below it.
 */
export const PostmortemViewTabs = (props: {
  selected: 'history' | 'insights';
  children: ReactNode;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  // Links relative to the view's own route: the history is the base.
  const base = props.selected === 'history' ? '.' : '..';
  return (
    <Box>
      <Tabs
        value={props.selected}
        indicatorColor="primary"
        aria-label={t('views.label')}
        style={{ marginBottom: 16 }}
      >
        <Tab
          value="history"
          label={t('views.history')}
          component={RouterLink}
          to={base}
        />
        <Tab
          value="insights"
          label={t('views.insights')}
          component={RouterLink}
          to={`${base}/insights`}
        />
      </Tabs>
      {props.children}
    </Box>
  );
};
