import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderScreen } from '../../__testUtils__/render';
import {
  makePostmortem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
  responseError,
} from '../../__testUtils__/fixtures';
import { makeInsights } from '../../__testUtils__/insights';
import { PostmortemsPageContent } from './PostmortemsPage';

jest.mock('recharts', () =>
  require('../../__testUtils__/recharts').fixedSizeRecharts(),
);

// Dialogs and tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const TITLE = '非同期ジョブキューの滞留で請求書発行が遅延';

function render(api = mockPostmortemsApi(), path = '/postmortems') {
  return renderScreen(<PostmortemsPageContent />, {
    api,
    mountPath: '/postmortems',
    initialRouteEntries: [path],
  });
}

async function deleteFromDetail() {
  await userEvent.click(await screen.findByRole('button', { name: /Delete/ }));
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
}

describe('PostmortemsPageContent', () => {
  it('after a delete, lands on the list and offers to undo it', async () => {
    const api = mockPostmortemsApi({
      restorePostmortem: jest.fn().mockResolvedValue(makePostmortem()),
    });
    const { alertApi } = render(api, `/postmortems/${POSTMORTEM_ID}`);

    await deleteFromDetail();
    expect(api.deletePostmortem).toHaveBeenCalledWith(POSTMORTEM_ID);
    expect(await screen.findByText('Postmortem deleted.')).toBeInTheDocument();
    // The last postmortem is gone, so the list is empty under the message.
    expect(screen.getByText('No postmortems yet')).toBeInTheDocument();
    const listCalls = api.listPostmortems.mock.calls.length;

    api.listPostmortems.mockResolvedValue({
      items: [makePostmortem()],
      totalCount: 1,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));

    expect(api.restorePostmortem).toHaveBeenCalledWith(POSTMORTEM_ID);
    expect(
      await screen.findByRole('link', { name: TITLE }),
    ).toBeInTheDocument();
    expect(api.listPostmortems.mock.calls.length).toBeGreaterThan(listCalls);
    expect(screen.queryByText('Postmortem deleted.')).not.toBeInTheDocument();
    expect(alertApi.getAlerts()).toContainEqual(
      expect.objectContaining({
        message: `Postmortem "${TITLE}" restored.`,
        severity: 'success',
      }),
    );
  });

  it('shows why an undo failed and keeps offering it', async () => {
    const api = mockPostmortemsApi({
      restorePostmortem: jest
        .fn()
        .mockRejectedValue(
          await responseError(403, 'Not allowed', 'NotAllowedError'),
        ),
    });
    render(api, `/postmortems/${POSTMORTEM_ID}`);

    await deleteFromDetail();
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }));

    expect(
      await screen.findByText(`Could not restore "${TITLE}": Not allowed`),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeEnabled();

    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Could not restore/)).not.toBeInTheDocument();
  });

  it('switches the postmortems tab to the deleted postmortems and back, keeping the filters', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest.fn().mockImplementation(async query =>
        query.deleted
          ? {
              items: [
                makePostmortem({
                  id: 'gone',
                  title: 'A deleted one',
                  deletedAt: '2026-11-02T10:00:00+09:00',
                  deletedBy: 'user:default/kenta.ito',
                }),
              ],
              totalCount: 1,
            }
          : { items: [makePostmortem()], totalCount: 1 },
      ),
    });
    render(api, '/postmortems?severity=sev2');

    expect(
      await screen.findByRole('link', { name: TITLE }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Show deleted' }),
    );

    expect(await screen.findByText('A deleted one')).toBeInTheDocument();
    expect(screen.getByText('Deleted postmortems')).toBeInTheDocument();
    expect(api.listPostmortems).toHaveBeenLastCalledWith(
      expect.objectContaining({ deleted: true }),
    );

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Show deleted' }),
    );
    expect(
      await screen.findByRole('link', { name: TITLE }),
    ).toBeInTheDocument();
    expect(api.listPostmortems).toHaveBeenLastCalledWith(
      expect.objectContaining({ severity: 'sev2' }),
    );
  });

  it("has an Insights tab with the whole portal's insights", async () => {
    const api = mockPostmortemsApi({
      getInsights: jest.fn().mockResolvedValue(makeInsights()),
    });
    render(api);
    await userEvent.click(await screen.findByRole('tab', { name: 'Insights' }));

    expect(
      await screen.findByRole('region', {
        name: 'Entities with the most overdue action items',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Insights' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(api.getInsights).toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: undefined }),
    );
    expect(screen.getByRole('tab', { name: 'Postmortems' })).toHaveAttribute(
      'href',
      '/postmortems',
    );
  });
});
