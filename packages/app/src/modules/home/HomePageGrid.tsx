import { Content } from '@backstage/core-components';
import { CustomHomepageGrid } from '@backstage/plugin-home';
import type { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import { Fragment, useMemo } from 'react';

// Twelve columns down to the width of a laptop with the sidebar open. The
// default grid drops to ten columns there, which pushes the right-hand
// widgets of a twelve-column default layout below the reading-session card.
const COLUMNS = { xl: 12, lg: 12, md: 12, sm: 6, xs: 4, xxs: 2 };

/**
 * The home page's customisable grid, laid out by `page:home`'s
 * `defaultConfig` until a user changes it.
 */
export const HomePageGrid = (props: HomePageLayoutProps) => {
  const { widgets, defaultConfig } = props;
  const config = useMemo(
    () =>
      defaultConfig?.map(item => ({
        component: item.component,
        x: item.column,
        y: item.row,
        width: item.width,
        height: item.height,
        movable: item.movable,
        deletable: item.deletable,
        resizable: item.resizable,
      })),
    [defaultConfig],
  );
  return (
    <Content>
      <CustomHomepageGrid config={config} cols={COLUMNS}>
        {widgets.map((widget, index) => (
          <Fragment key={widget.name ?? index}>{widget.component}</Fragment>
        ))}
      </CustomHomepageGrid>
    </Content>
  );
};
