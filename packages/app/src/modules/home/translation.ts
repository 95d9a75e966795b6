import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The text of the example portal's own home page widgets. Japanese is
 * loaded when the app's language is `ja`.
 */
export const homeTranslationRef = createTranslationRef({
  id: 'example-home',
  messages: {
    gettingStarted: {
      title: 'Getting started',
      content: `This is the developer portal of **請求管理ロボ** (seikyu-kanri-robo), our billing automation service, and the teams around it.

- **Incidents and what we learned:** every postmortem is on the [Postmortems](/postmortems) page, and on the *Postmortems* tab of each service in the [catalog](/catalog), such as [請求管理ロボ](/catalog/default/component/seikyu-kanri-robo/postmortems).
- **Action items:** open and overdue ones are on the *Action items* tab of a service or a team, and [across all postmortems](/postmortems/action-items).
- **Reading session:** once a month the [SRE team](/catalog/default/group/sre) reads one postmortem together for 30 minutes. The card on this page shows this month's pick; past sessions and their notes are under [Reading sessions](/postmortems/reading-sessions).`,
    },
  },
  translations: {
    ja: () => import('./translations/ja'),
  },
});
