import { Entity } from '@backstage/catalog-model';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockPostmortemsApi } from '../../__testUtils__/fixtures';
import { makeInsights } from '../../__testUtils__/insights';
import { renderScreen } from '../../__testUtils__/render';
import { japaneseApis } from '../PostmortemSearchResultListItem/__testUtils__/japanese';
import { InsightsContent } from './InsightsContent';

jest.mock('recharts', () =>
  require('../../__testUtils__/recharts').fixedSizeRecharts(),
);

// Charts and tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const owned = (kind: string, name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(
        cell => cell.textContent ?? '',
      ),
    );

describe('InsightsContent of a team', () => {
  const catalogApi = catalogApiMock({
    entities: [
      owned('Component', 'batch-platform', 'group:default/sre'),
      owned('Resource', 'job-queue', 'group:default/sre'),
      owned('Component', 'seikyu-kanri-robo', 'group:default/billing'),
    ],
  });

  it('asks for the entities the team owns and shows the health of each owner', async () => {
    const api = mockPostmortemsApi({
      getInsights: jest.fn().mockResolvedValue(
        makeInsights({
          owners: [
            {
              owner: 'group:default/sre',
              open: 4,
              overdue: 3,
              closed: 2,
              medianDaysToClose: 9,
            },
            {
              owner: null,
              open: 1,
              overdue: 1,
              closed: 0,
              medianDaysToClose: null,
            },
          ],
        }),
      ),
    });
    renderScreen(
      <InsightsContent
        scope={{ type: 'team', groupRef: 'group:default/sre' }}
      />,
      { api, catalogApi },
    );

    const region = await screen.findByRole('region', {
      name: 'Action-item health per owner',
    });
    expect(api.getInsights).toHaveBeenCalledTimes(1);
    expect(api.getInsights.mock.calls[0][0]?.entityRef?.sort()).toEqual([
      'component:default/batch-platform',
      'resource:default/job-queue',
    ]);
    // A table from the start: there is no chart to switch from.
    expect(
      within(region).queryByRole('button', { name: /Table view/ }),
    ).not.toBeInTheDocument();
    const table = within(region).getByRole('table');
    expect(rowsOf(table)[0]).toEqual([
      'Owner',
      'Open',
      'Overdue',
      'Closed in this range',
      'Median days to close',
    ]);
    expect(rowsOf(table)[1].slice(1)).toEqual(['4', '3', '2', '9 days']);
    expect(rowsOf(table)[2]).toEqual(['Unassigned', '1', '1', '0', '—']);
    expect(within(table).getByRole('link', { name: /sre/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/sre',
    );
    // No portal lists on a team's page.
    expect(
      screen.queryByRole('region', {
        name: 'Entities with the most incidents',
      }),
    ).not.toBeInTheDocument();
  });

  it('shows its overdue items by age', async () => {
    renderScreen(
      <InsightsContent
        scope={{ type: 'team', groupRef: 'group:default/sre' }}
      />,
      {
        api: mockPostmortemsApi({
          getInsights: jest.fn().mockResolvedValue(makeInsights()),
        }),
        catalogApi,
      },
    );
    const region = await screen.findByRole('region', {
      name: 'Open action items by age',
    });
    await userEvent.click(
      within(region).getByRole('button', { name: /Table view/ }),
    );
    expect(rowsOf(within(region).getByRole('table'))).toContainEqual([
      'Over 180 days',
      '3',
    ]);
  });

  it('says how to give a team that owns nothing its insights, and asks nothing', async () => {
    const api = mockPostmortemsApi();
    renderScreen(
      <InsightsContent
        scope={{ type: 'team', groupRef: 'group:default/nobody' }}
      />,
      { api, catalogApi },
    );
    expect(
      await screen.findByText('This team owns nothing in the catalog yet'),
    ).toBeInTheDocument();
    // Without entityRef the API would answer for the whole portal.
    expect(api.getInsights).not.toHaveBeenCalled();
  });
});

describe('InsightsContent of the portal', () => {
  it('asks for everything and links the entities that stand out', async () => {
    const api = mockPostmortemsApi({
      getInsights: jest.fn().mockResolvedValue(
        makeInsights({
          entityRefs: [],
          topEntities: {
            byIncidents: [
              { entityRef: 'component:default/seikyu-kanri-robo', count: 4 },
              { entityRef: 'component:default/batch-platform', count: 2 },
            ],
            byOverdueItems: [
              { entityRef: 'resource:default/job-queue', count: 5 },
            ],
          },
        }),
      ),
    });
    renderScreen(<InsightsContent scope={{ type: 'portal' }} />, { api });

    const incidents = await screen.findByRole('region', {
      name: 'Entities with the most incidents',
    });
    expect(api.getInsights).toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: undefined }),
    );
    const table = within(incidents).getByRole('table');
    expect(rowsOf(table).map(row => row[1])).toEqual(['Incidents', '4', '2']);
    expect(
      within(table).getByRole('link', { name: /seikyu-kanri-robo/ }),
    ).toHaveAttribute('href', '/catalog/default/component/seikyu-kanri-robo');

    const overdue = screen.getByRole('region', {
      name: 'Entities with the most overdue action items',
    });
    expect(
      within(overdue).getByRole('link', { name: /job-queue/ }),
    ).toHaveAttribute('href', '/catalog/default/resource/job-queue');
    expect(rowsOf(within(overdue).getByRole('table'))[1][1]).toBe('5');
    expect(
      screen.queryByRole('region', { name: 'Action-item health per owner' }),
    ).not.toBeInTheDocument();
  });
});

describe('InsightsContent in Japanese', () => {
  it('labels charts, tables and months in Japanese', async () => {
    renderScreen(
      <InsightsContent
        scope={{
          type: 'entities',
          entityRefs: ['component:default/seikyu-kanri-robo'],
        }}
      />,
      {
        api: mockPostmortemsApi({
          getInsights: jest.fn().mockResolvedValue(makeInsights()),
        }),
        apis: japaneseApis(),
      },
    );
    const region = await screen.findByRole('region', {
      name: '月別の検知経路',
    });
    expect(screen.getByLabelText('期間')).toHaveValue('12');
    await userEvent.click(
      within(region).getByRole('button', {
        name: '表で表示：月別の検知経路',
      }),
    );
    const rows = rowsOf(within(region).getByRole('table'));
    expect(rows[0]).toEqual([
      '月',
      '顧客からの問い合わせ',
      '監視アラート',
      '社内で発見',
      'その他',
      '顧客が検知',
    ]);
    expect(rows[3]).toEqual(['2026年3月', '1', '0', '1', '0', '50%']);
    expect(
      screen.getByText('2026年1月～2026年6月（Asia/Tokyo の暦月）'),
    ).toBeInTheDocument();
    const durations = screen.getByRole('region', {
      name: '四半期ごとの検知・解決までの時間（中央値）',
    });
    await userEvent.click(
      within(durations).getByRole('button', { name: /表で表示/ }),
    );
    await waitFor(() =>
      expect(rowsOf(within(durations).getByRole('table'))[1]).toEqual([
        '2026年第1四半期',
        '3',
        '2時間30分',
        '4時間15分',
      ]),
    );
  });
});
