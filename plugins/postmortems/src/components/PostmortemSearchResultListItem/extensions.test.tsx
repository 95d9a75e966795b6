import {
  renderInTestApp as legacyRenderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  MockSearchApi,
  SearchResult,
  searchApiRef,
} from '@backstage/plugin-search-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import {
  PostmortemActionItemSearchResultListItem,
  PostmortemSearchResultListItem,
} from '../../index';

// Lazy chunks load slowly in jsdom on a busy machine.
jest.setTimeout(30_000);
const slow = { timeout: 10_000 };

const searchApi = new MockSearchApi({
  results: [
    {
      type: 'software-catalog',
      document: {
        title: 'seikyu-kanri-robo',
        text: 'The invoicing robot',
        location: '/catalog/default/component/seikyu-kanri-robo',
      },
    },
    {
      type: 'postmortem',
      document: {
        title: 'Queue backlog after the nightly batch',
        text: 'The invoice queue backed up.',
        location: '/postmortems/pm-1',
        entityRefs: ['component:default/seikyu-kanri-robo'],
        entityTitles: ['請求管理ロボ'],
        severity: 'sev2',
        status: 'published',
        startedAt: '2026-10-01T12:00:00Z',
        openActionItems: 1,
      } as any,
    },
    {
      type: 'postmortem-action-item',
      document: {
        title: 'Alert on queue depth',
        text: 'Page the on-call engineer.',
        location: '/postmortems/pm-1?actionItem=ai-7',
        postmortemTitle: 'Queue backlog after the nightly batch',
        status: 'in_progress',
      } as any,
    },
  ],
});

describe('search result items for the legacy frontend system', () => {
  it('render the results of their own type in <SearchResult>, and leave the rest to the default item', async () => {
    await legacyRenderInTestApp(
      <TestApiProvider apis={[[searchApiRef, searchApi]]}>
        <SearchResult query={{ term: 'queue' }}>
          <PostmortemSearchResultListItem />
          <PostmortemActionItemSearchResultListItem />
        </SearchResult>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Service: 請求管理ロボ', {}, slow),
    ).toBeInTheDocument();
    expect(screen.getByText('SEV2 (major)')).toBeInTheDocument();
    expect(screen.getByText('1 open action item')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Postmortem: Queue backlog after the nightly batch',
        {},
        slow,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Status: In progress')).toBeInTheDocument();
    // The catalog's result, which neither item takes, as the default item.
    expect(
      screen.getByRole('link', { name: 'seikyu-kanri-robo' }),
    ).toHaveAttribute('href', '/catalog/default/component/seikyu-kanri-robo');
    expect(screen.getAllByText(/^Service: /)).toHaveLength(1);
  });

  it('render in a new frontend system app too, as the search modal there gets them', async () => {
    // The example app's sidebar search modal is the legacy component; it
    // takes the legacy items through `resultItemComponents`.
    renderInTestApp(
      <SearchResult query={{ term: 'queue' }}>
        <PostmortemSearchResultListItem />
        <PostmortemActionItemSearchResultListItem />
      </SearchResult>,
      { apis: [[searchApiRef, searchApi]] },
    );
    expect(
      await screen.findByText('Service: 請求管理ロボ', {}, slow),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Status: In progress', {}, slow),
    ).toBeInTheDocument();
  });
});
