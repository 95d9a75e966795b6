import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderScreen } from '../../__testUtils__/render';
import {
  makePostmortem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { PostmortemList } from './PostmortemList';

// Tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

describe('PostmortemList', () => {
  it('shows progress while loading', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest.fn(() => new Promise<never>(() => {})),
    });
    renderScreen(<PostmortemList />, { api });
    // Progress swaps a hidden placeholder for the bar after a moment: look
    // the element up again rather than holding the first one.
    await waitFor(() =>
      expect(screen.getByTestId('progress')).toBeInTheDocument(),
    );
  });

  it('invites writing the first postmortem when there is none', async () => {
    const api = mockPostmortemsApi();
    renderScreen(<PostmortemList entityRef="component:default/x" />, { api });
    expect(await screen.findByText('No postmortems yet')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Write the first postmortem/ }),
    ).toHaveAttribute('href', '/new');
    expect(api.listPostmortems).toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: ['component:default/x'] }),
    );
  });

  it('shows the error of a failed request', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest.fn().mockRejectedValue(new Error('boom')),
    });
    renderScreen(<PostmortemList />, { api });
    expect((await screen.findAllByText(/boom/)).length).toBeGreaterThan(0);
  });

  it('lists postmortems with their facts and links', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest.fn().mockResolvedValue({
        items: [makePostmortem()],
        totalCount: 1,
      }),
    });
    renderScreen(<PostmortemList />, { api });

    const link = await screen.findByRole('link', {
      name: '非同期ジョブキューの滞留で請求書発行が遅延',
    });
    expect(link).toHaveAttribute('href', `/${POSTMORTEM_ID}`);
    expect(screen.getByText('SEV2 (major)')).toBeInTheDocument();
    expect(screen.getByText('Customer report')).toBeInTheDocument();
    expect(screen.getByText('Published')).toBeInTheDocument();
    expect(screen.getByText('4h 15m')).toBeInTheDocument();
    expect(screen.getByText('2 open')).toBeInTheDocument();
    expect(screen.getByText('1 overdue')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /New postmortem/ }),
    ).toHaveAttribute('href', '/new');
  });

  it('filters, searches in Japanese, and pages by cursor', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest.fn().mockImplementation(async query =>
        query.cursor
          ? {
              items: [makePostmortem({ id: 'p2', title: 'Second page' })],
              totalCount: 2,
            }
          : {
              items: [makePostmortem()],
              totalCount: 2,
              nextCursor: 'next',
            },
      ),
    });
    renderScreen(<PostmortemList />, { api });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );
    expect(await screen.findByText('Second page')).toBeInTheDocument();
    expect(api.listPostmortems).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'next' }),
    );

    fireEvent.change(screen.getByLabelText('Search'), {
      target: { value: '滞留' },
    });
    await waitFor(
      () =>
        expect(api.listPostmortems).toHaveBeenLastCalledWith(
          expect.objectContaining({ q: '滞留', cursor: undefined }),
        ),
      { timeout: 2000 },
    );

    await userEvent.click(screen.getByLabelText('Severity'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'SEV1 (critical)' }),
    );
    await waitFor(() =>
      expect(api.listPostmortems).toHaveBeenLastCalledWith(
        expect.objectContaining({ severity: 'sev1', q: '滞留' }),
      ),
    );
  });

  it('says so when filters match nothing', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest
        .fn()
        .mockImplementation(async query =>
          query.status
            ? { items: [], totalCount: 0 }
            : { items: [makePostmortem()], totalCount: 1 },
        ),
    });
    renderScreen(<PostmortemList />, { api });
    await userEvent.click(await screen.findByLabelText('Status'));
    await userEvent.click(await screen.findByRole('option', { name: 'Draft' }));
    expect(
      await screen.findByText('No postmortem matches these filters.'),
    ).toBeInTheDocument();
  });
});
