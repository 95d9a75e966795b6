import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderScreen } from '../../__testUtils__/render';
import {
  makePostmortem,
  mockPostmortemsApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { DeletedPostmortemList } from './DeletedPostmortemList';

// Tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const deleted = makePostmortem({
  id: 'gone',
  title: 'Queue backlog delayed invoices',
  deletedAt: '2026-11-02T10:00:00+09:00',
  deletedBy: 'user:default/kenta.ito',
});

describe('DeletedPostmortemList', () => {
  it('lists the deleted postmortems with when and by whom', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest
        .fn()
        .mockResolvedValue({ items: [deleted], totalCount: 1 }),
    });
    renderScreen(<DeletedPostmortemList />, { api });

    expect(
      await screen.findByText('Queue backlog delayed invoices'),
    ).toBeInTheDocument();
    expect(api.listPostmortems).toHaveBeenCalledWith(
      expect.objectContaining({ deleted: true }),
    );
    expect(screen.getByText(/Nov 2, 2026/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /kenta\.ito/ }),
    ).toBeInTheDocument();
  });

  it('says so when nothing is deleted', async () => {
    renderScreen(<DeletedPostmortemList />);
    expect(
      await screen.findByText('No deleted postmortems.'),
    ).toBeInTheDocument();
  });

  it('restores a postmortem and refreshes the list', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest
        .fn()
        .mockResolvedValueOnce({ items: [deleted], totalCount: 1 })
        .mockResolvedValue({ items: [], totalCount: 0 }),
      restorePostmortem: jest.fn().mockResolvedValue(deleted),
    });
    const { alertApi } = renderScreen(<DeletedPostmortemList />, { api });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Restore "Queue backlog delayed invoices"',
      }),
    );

    expect(api.restorePostmortem).toHaveBeenCalledWith('gone');
    expect(
      await screen.findByText('No deleted postmortems.'),
    ).toBeInTheDocument();
    expect(api.listPostmortems).toHaveBeenCalledTimes(2);
    expect(alertApi.getAlerts()).toContainEqual(
      expect.objectContaining({
        message: 'Postmortem "Queue backlog delayed invoices" restored.',
      }),
    );
  });

  it('shows the refusal of a restore the user may not do', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest
        .fn()
        .mockResolvedValue({ items: [deleted], totalCount: 1 }),
      restorePostmortem: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            403,
            'You are not allowed to restore postmortems',
            'NotAllowedError',
          ),
        ),
    });
    renderScreen(<DeletedPostmortemList />, { api });

    await userEvent.click(
      await screen.findByRole('button', { name: /Restore/ }),
    );

    expect(
      await screen.findByText(
        'Could not restore "Queue backlog delayed invoices": You are not allowed to restore postmortems',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Restore/ })).toBeEnabled(),
    );
    expect(api.listPostmortems).toHaveBeenCalledTimes(1);
  });

  it('shows the error of a failed list', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    renderScreen(<DeletedPostmortemList />, { api });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});
