import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockPostmortemsApi } from '../../__testUtils__/fixtures';
import { makeEmptyInsights, makeInsights } from '../../__testUtils__/insights';
import { renderScreen } from '../../__testUtils__/render';
import { addMonths } from '@postmortems/backstage-plugin-postmortems-common';
import { monthOf } from '../../lib/months';
import { InsightsContent } from './InsightsContent';

jest.mock('recharts', () =>
  require('../../__testUtils__/recharts').fixedSizeRecharts(),
);

// Charts and tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const SERVICE = 'component:default/seikyu-kanri-robo';

function render(
  options: { api?: ReturnType<typeof mockPostmortemsApi>; path?: string } = {},
) {
  const api =
    options.api ??
    mockPostmortemsApi({
      getInsights: jest.fn().mockResolvedValue(makeInsights()),
    });
  renderScreen(
    <InsightsContent
      scope={{ type: 'entities', entityRefs: [SERVICE] }}
      newPostmortemLink="/postmortems/new"
    />,
    {
      api,
      mountPath: '/insights',
      initialRouteEntries: [options.path ?? '/insights'],
    },
  );
  return api;
}

/** The card of a chart: a region named by its heading. */
const card = (name: string) => screen.findByRole('region', { name });

/** The table view of a chart, as rows of cell texts. */
async function tableOf(name: string): Promise<string[][]> {
  const region = await card(name);
  await userEvent.click(
    within(region).getByRole('button', { name: `Table view: ${name}` }),
  );
  const table = within(region).getByRole('table');
  return within(table)
    .getAllByRole('row')
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(
        cell => cell.textContent ?? '',
      ),
    );
}

describe('InsightsContent', () => {
  it('asks for the last 12 months of the entities by default', async () => {
    const api = render();
    await waitFor(() =>
      expect(api.getInsights).toHaveBeenCalledWith({
        entityRef: [SERVICE],
        months: 12,
      }),
    );
    expect(await screen.findByLabelText('Range')).toHaveValue('12');
  });

  it('draws each chart once the chart library has loaded', async () => {
    render();
    const region = await card('Incidents per month by severity');
    const chart = await within(region).findByRole(
      'img',
      {
        name: 'Incidents per month by severity as a chart; its numbers are in the table view',
      },
      { timeout: 10_000 },
    );
    expect(chart.querySelector('svg.recharts-surface')).not.toBeNull();
    expect(
      within(region).getByRole('button', { name: /Table view/ }),
    ).toHaveAttribute('aria-pressed', 'false');
  });

  it("shows each chart's numbers in its table view", async () => {
    render();

    expect(await tableOf('Incidents per month by severity')).toEqual([
      [
        'Month',
        'SEV1 (critical)',
        'SEV2 (major)',
        'SEV3 (minor)',
        'SEV4 (low)',
        'Total',
      ],
      ['Jan 2026', '0', '0', '1', '0', '1'],
      ['Feb 2026', '0', '0', '0', '0', '0'],
      ['Mar 2026', '1', '1', '0', '0', '2'],
      ['Apr 2026', '0', '0', '0', '0', '0'],
      ['May 2026', '0', '0', '0', '1', '1'],
      ['Jun 2026', '0', '0', '0', '0', '0'],
    ]);
    const incidents = await card('Incidents per month by severity');
    expect(within(incidents).getByRole('table')).toHaveAccessibleName(
      'Incidents per month by severity (Jan 2026 – Jun 2026, months in Asia/Tokyo)',
    );
    expect(
      within(incidents).getByRole('button', { name: /Table view/ }),
    ).toHaveAttribute('aria-pressed', 'true');

    const detection = await tableOf('Detection per month');
    expect(detection[0]).toEqual([
      'Month',
      'Customer report',
      'Monitoring alert',
      'Internal discovery',
      'Other',
      'Detected by customers',
    ]);
    expect(detection[3]).toEqual(['Mar 2026', '1', '0', '1', '0', '50%']);
    expect(detection[2]).toEqual(['Feb 2026', '0', '0', '0', '0', '—']);

    expect(
      await tableOf('Median time to detect and to resolve per quarter'),
    ).toEqual([
      [
        'Quarter',
        'Incidents',
        'Median time to detect',
        'Median time to resolve',
      ],
      ['Q1 2026', '3', '2h 30m', '4h 15m'],
      ['Q2 2026', '1', '12m', '—'],
    ]);

    expect(
      (await tableOf('Action items opened and closed per month')).slice(0, 4),
    ).toEqual([
      ['Month', 'Opened', 'Closed'],
      ['Jan 2026', '2', '0'],
      ['Feb 2026', '0', '0'],
      ['Mar 2026', '3', '1'],
    ]);

    expect(await tableOf('Open action items by age')).toEqual([
      ['Age', 'Open action items'],
      ['0–30 days', '1'],
      ['31–90 days', '0'],
      ['91–180 days', '2'],
      ['Over 180 days', '3'],
    ]);
  });

  it('shows the key figures with what they are of', async () => {
    render();
    const figures = await card('Key figures');
    const terms = within(figures).getAllByRole('term');
    const values = within(figures).getAllByRole('definition');
    expect(terms.map(term => term.textContent)).toEqual([
      'Median time to close an action item',
      'Action items closed by their due date',
      'Postmortems read in a reading session',
    ]);
    expect(values.map(value => value.textContent)).toEqual([
      '12.5 daysOver the items closed in this range',
      '75%3 of 4 due in this range',
      '25%1 of 4 incidents in this range',
    ]);
  });

  it('says what to do when nothing happened in the range', async () => {
    const api = render({
      api: mockPostmortemsApi({
        getInsights: jest.fn().mockResolvedValue(makeEmptyInsights()),
      }),
    });
    expect(
      await screen.findByText('No incidents in this range'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Write a postmortem' }),
    ).toHaveAttribute('href', '/postmortems/new');
    // The range stays to be widened.
    expect(screen.getByLabelText('Range')).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Key figures' }),
    ).not.toBeInTheDocument();
    expect(api.getInsights).toHaveBeenCalledTimes(1);
  });

  it('asks for another range when one is chosen, and keeps it in the URL', async () => {
    const api = render();
    const thisMonth = monthOf(new Date());
    await card('Key figures');

    await userEvent.selectOptions(screen.getByLabelText('Range'), '6');
    await waitFor(() =>
      expect(api.getInsights).toHaveBeenLastCalledWith({
        entityRef: [SERVICE],
        months: 6,
      }),
    );

    // A custom range starts as the one shown.
    await userEvent.selectOptions(screen.getByLabelText('Range'), 'custom');
    expect(screen.getByLabelText('From month')).toHaveValue(
      addMonths(thisMonth, -5),
    );
    expect(screen.getByLabelText('To month')).toHaveValue(thisMonth);

    fireEvent.change(screen.getByLabelText('From month'), {
      target: { value: '2025-01' },
    });
    fireEvent.change(screen.getByLabelText('To month'), {
      target: { value: '2025-06' },
    });
    await waitFor(() =>
      expect(api.getInsights).toHaveBeenLastCalledWith({
        entityRef: [SERVICE],
        from: '2025-01',
        to: '2025-06',
      }),
    );
  });

  it('reads a custom range from the URL and asks nothing for an invalid one', async () => {
    const api = render({
      path: '/insights?range=custom&from=2025-03&to=2025-05',
    });
    await waitFor(() =>
      expect(api.getInsights).toHaveBeenCalledWith({
        entityRef: [SERVICE],
        from: '2025-03',
        to: '2025-05',
      }),
    );
    expect(screen.getByLabelText('Range')).toHaveValue('custom');

    fireEvent.change(screen.getByLabelText('To month'), {
      target: { value: '2025-01' },
    });
    expect(
      await screen.findByText('Must not be before the first month'),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('From month'), {
      target: { value: '2019-01' },
    });
    fireEvent.change(screen.getByLabelText('To month'), {
      target: { value: '2025-01' },
    });
    expect(await screen.findByText('At most 60 months')).toBeInTheDocument();
    expect(api.getInsights).toHaveBeenCalledTimes(1);
  });
});
