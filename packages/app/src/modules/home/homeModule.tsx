import { MarkdownContent } from '@backstage/core-components';
import {
  createFrontendModule,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';
import { homeTranslationRef } from './translation';

const GettingStartedTitle = () => {
  const { t } = useTranslationRef(homeTranslationRef);
  return <>{t('gettingStarted.title')}</>;
};

const GettingStartedContent = () => {
  const { t } = useTranslationRef(homeTranslationRef);
  return <MarkdownContent content={t('gettingStarted.content')} />;
};

/**
 * What this portal is and where to find postmortems, action items and the
 * reading sessions. Placed on the home page by `page:home`'s
 * `defaultConfig` in app-config.yaml, as `GettingStarted`.
 */
const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting started',
    description: 'What this portal is and where to find postmortems',
    // The card frame shows `title` as its heading; an element lets it
    // follow the app's language.
    componentProps: { title: <GettingStartedTitle /> },
    components: async () => ({ Content: GettingStartedContent }),
  },
});

/** The grid, with twelve columns on laptops too (see `HomePageGrid`). */
const homePageLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: () => import('./HomePageGrid').then(m => m.HomePageGrid),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget, homePageLayout],
});
