import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordDownloads } from '../../__testUtils__/downloads';
import { mockPostmortemsApi } from '../../__testUtils__/fixtures';
import { makeInsights } from '../../__testUtils__/insights';
import { renderScreen } from '../../__testUtils__/render';
import { InsightsContent } from './InsightsContent';

jest.mock('recharts', () =>
  require('../../__testUtils__/recharts').fixedSizeRecharts(),
);

// Charts are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

describe('InsightsContent, CSV downloads', () => {
  const downloads = recordDownloads();

  async function download(title: string) {
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
      },
    );
    const region = await screen.findByRole('region', { name: title });
    await userEvent.click(
      within(region).getByRole('button', { name: `Download CSV: ${title}` }),
    );
    await waitFor(() => expect(downloads).toHaveLength(1));
    return downloads[0];
  }

  it("downloads a chart's numbers as they came, a row per month", async () => {
    const file = await download('Detection per month');
    expect(file.filename).toBe(
      'postmortem-insights-detection-2026-01-2026-06.csv',
    );
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect((await file.text()).split('\r\n')).toEqual([
      'Month,Customer report,Monitoring alert,Internal discovery,Other,Detected by customers',
      '2026-01,0,1,0,0,0',
      '2026-02,0,0,0,0,',
      '2026-03,1,0,1,0,0.5',
      '2026-04,0,0,0,0,',
      '2026-05,0,0,0,1,0',
      '2026-06,0,0,0,0,',
      '',
    ]);
  });

  it('writes times in minutes, as the API counts them', async () => {
    const file = await download(
      'Median time to detect and to resolve per quarter',
    );
    expect((await file.text()).split('\r\n')).toEqual([
      'Quarter,Incidents,Median time to detect (minutes),Median time to resolve (minutes)',
      '2026-Q1,3,150,255',
      '2026-Q2,1,12,',
      '',
    ]);
  });

  it('names the age buckets by their days', async () => {
    const file = await download('Open action items by age');
    expect((await file.text()).split('\r\n')).toEqual([
      'Age,Open action items',
      '0-30,1',
      '31-90,0',
      '91-180,2',
      '181+,3',
      '',
    ]);
  });
});
