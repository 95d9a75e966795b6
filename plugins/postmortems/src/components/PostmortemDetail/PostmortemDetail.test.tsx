import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderScreen } from '../../__testUtils__/render';
import {
  makeActionItem,
  makePostmortem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
  invalidRequestError,
  responseError,
} from '../../__testUtils__/fixtures';
import { PostmortemDetail } from './PostmortemDetail';

function render(api = mockPostmortemsApi()) {
  renderScreen(<PostmortemDetail />, {
    api,
    mountPath: '/postmortems/:postmortemId',
    initialRouteEntries: [`/postmortems/${POSTMORTEM_ID}`],
  });
  return api;
}

// Dialogs and tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

describe('PostmortemDetail', () => {
  it('shows progress while loading', async () => {
    render(
      mockPostmortemsApi({
        getPostmortem: jest.fn(() => new Promise<never>(() => {})),
      }),
    );
    // Progress swaps a hidden placeholder for the bar after a moment: look
    // the element up again rather than holding the first one.
    await waitFor(() =>
      expect(screen.getByTestId('progress')).toBeInTheDocument(),
    );
  });

  it('says when the postmortem does not exist', async () => {
    render(
      mockPostmortemsApi({
        getPostmortem: jest
          .fn()
          .mockRejectedValue(
            await responseError(404, 'not found', 'NotFoundError'),
          ),
      }),
    );
    expect(
      await screen.findByText(/This postmortem does not exist or was deleted/),
    ).toBeInTheDocument();
  });

  it('shows other errors', async () => {
    render(
      mockPostmortemsApi({
        getPostmortem: jest.fn().mockRejectedValue(new Error('backend down')),
      }),
    );
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('renders the sections of its template, the facts and the timeline', async () => {
    const api = render(
      mockPostmortemsApi({
        listRevisions: jest.fn().mockResolvedValue([
          {
            postmortemId: POSTMORTEM_ID,
            version: 2,
            action: 'updated',
            changedAt: '2026-10-03T10:00:00+09:00',
            changedBy: 'user:default/kenta.ito',
            changedFields: ['title', 'sections'],
            snapshot: {} as any,
          },
        ]),
      }),
    );
    expect(
      await screen.findByRole('heading', {
        name: '非同期ジョブキューの滞留で請求書発行が遅延',
      }),
    ).toBeInTheDocument();
    // Section titles from the template, body as Markdown.
    expect(
      screen.getByRole('heading', { name: 'Summary' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Root causes' }),
    ).toBeInTheDocument();
    expect(screen.getByText('滞留').tagName).toBe('STRONG');
    expect(screen.getAllByText('Not written yet.').length).toBeGreaterThan(0);
    // Facts.
    expect(screen.getByText('4h 15m')).toBeInTheDocument();
    expect(screen.getByText('2h 30m')).toBeInTheDocument();
    expect(screen.getByText('Customer report')).toBeInTheDocument();
    expect(screen.getByText('batch')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /seikyu-kanri-robo/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('Customer inquiry arrives')).toBeInTheDocument();
    // History.
    expect(
      await screen.findByText(/Changed by .*: Title, Sections/),
    ).toBeInTheDocument();
    expect(api.listPostmortemActionItems).toHaveBeenCalledWith(POSTMORTEM_ID);
  });

  it('sums the incident up at the top, its counts linking to the action items', async () => {
    const api = render();
    const summary = await screen.findByRole('region', { name: 'At a glance' });
    const facts = within(summary);
    expect(facts.getByText('SEV2 (major)')).toBeInTheDocument();
    expect(facts.getByText('Published')).toBeInTheDocument();
    expect(facts.getByText('Customer report')).toBeInTheDocument();
    // Started 9:00, detected 11:30, mitigated 12:00, resolved 13:15.
    expect(facts.getByText('Time to detect').nextSibling).toHaveTextContent(
      '2h 30m',
    );
    expect(facts.getByText('Time to mitigate').nextSibling).toHaveTextContent(
      '3h',
    );
    expect(facts.getByText('Time to resolve').nextSibling).toHaveTextContent(
      '4h 15m',
    );
    for (const name of ['2 open', '1 overdue', '1 done']) {
      expect(facts.getByRole('link', { name })).toHaveAttribute(
        'href',
        '#postmortem-action-items',
      );
    }
    expect(document.getElementById('postmortem-action-items')).toContainElement(
      await screen.findByRole('button', { name: /Add action item/ }),
    );
    expect(api.getPostmortem).toHaveBeenCalledTimes(1);
  });

  it('reads the counts again after an action item changes', async () => {
    const api = render(
      mockPostmortemsApi({
        getPostmortem: jest
          .fn()
          .mockResolvedValueOnce(makePostmortem())
          .mockResolvedValue(
            makePostmortem({
              actionItemCounts: { open: 0, overdue: 0, done: 1, total: 1 },
            }),
          ),
        listPostmortemActionItems: jest.fn().mockResolvedValue({
          items: [makeActionItem()],
          totalCount: 1,
        }),
        updateActionItem: jest
          .fn()
          .mockResolvedValue(makeActionItem({ status: 'done', version: 2 })),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: /Status: Alert on queue depth/,
      }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'Done' }));
    const summary = screen.getByRole('region', { name: 'At a glance' });
    expect(
      await within(summary).findByRole('link', { name: '0 open' }),
    ).toBeInTheDocument();
    expect(api.getPostmortem).toHaveBeenCalledTimes(2);
  });

  it('says how often and when it was read in reading sessions', async () => {
    render(
      mockPostmortemsApi({
        getPostmortem: jest.fn().mockResolvedValue(
          makePostmortem({
            readings: { count: 2, lastReadAt: '2020-05-01T10:00:00+09:00' },
          }),
        ),
      }),
    );
    expect(await screen.findByText('Read in sessions')).toBeInTheDocument();
    expect(
      screen.getByText(/^Read 2 times, most recently .* years ago$/),
    ).toBeInTheDocument();
  });

  it('says when it was never read in a reading session', async () => {
    render(
      mockPostmortemsApi({
        getPostmortem: jest
          .fn()
          .mockResolvedValue(makePostmortem({ readings: { count: 0 } })),
      }),
    );
    expect(
      await screen.findByText('Never read in a reading session'),
    ).toBeInTheDocument();
  });

  it('deletes only after confirmation', async () => {
    const api = render();
    await userEvent.click(
      await screen.findByRole('button', { name: /Delete/ }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Delete this postmortem?'),
    ).toBeInTheDocument();
    expect(api.deletePostmortem).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() =>
      expect(api.deletePostmortem).toHaveBeenCalledWith(POSTMORTEM_ID),
    );
  });

  it('changes an action item status inline with its version', async () => {
    const api = render(
      mockPostmortemsApi({
        listPostmortemActionItems: jest.fn().mockResolvedValue({
          items: [makeActionItem({ overdue: true })],
          totalCount: 1,
        }),
        updateActionItem: jest
          .fn()
          .mockResolvedValue(makeActionItem({ status: 'done', version: 2 })),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: /Status: Alert on queue depth/,
      }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'Done' }));
    await waitFor(() =>
      expect(api.updateActionItem).toHaveBeenCalledWith('a1', {
        status: 'done',
        version: 1,
      }),
    );
  });

  it('shows a conflict on an inline status change, with a reload', async () => {
    const api = render(
      mockPostmortemsApi({
        listPostmortemActionItems: jest.fn().mockResolvedValue({
          items: [makeActionItem()],
          totalCount: 1,
        }),
        updateActionItem: jest
          .fn()
          .mockRejectedValue(await responseError(409, 'version conflict')),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: /Status: Alert on queue depth/,
      }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'Done' }));
    expect(
      await screen.findByText('Someone else changed this in the meantime'),
    ).toBeInTheDocument();
    expect(api.listPostmortemActionItems).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() =>
      expect(api.listPostmortemActionItems).toHaveBeenCalledTimes(2),
    );
  });

  it('adds an action item and shows a 400 at the named field', async () => {
    const api = render(
      mockPostmortemsApi({
        createActionItem: jest.fn().mockRejectedValue(
          await invalidRequestError({
            field: 'dueDate',
            message: 'must be a date (YYYY-MM-DD)',
          }),
        ),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /Add action item/ }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      'Alert on queue depth',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.createActionItem).toHaveBeenCalledWith(
        POSTMORTEM_ID,
        expect.objectContaining({ title: 'Alert on queue depth' }),
      ),
    );
    const dueDate = within(dialog).getByLabelText('Due date');
    expect(dueDate).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(dialog).getByText('must be a date (YYYY-MM-DD)', { exact: true }),
    ).toBeInTheDocument();
  });

  it('edits an action item and reports a conflict instead of overwriting', async () => {
    const api = render(
      mockPostmortemsApi({
        listPostmortemActionItems: jest.fn().mockResolvedValue({
          items: [makeActionItem()],
          totalCount: 1,
        }),
        updateActionItem: jest
          .fn()
          .mockRejectedValue(await responseError(409, 'stale')),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit: Alert on queue depth' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(
        'Someone else changed this in the meantime',
      ),
    ).toBeInTheDocument();
    expect(api.updateActionItem).toHaveBeenCalledWith(
      'a1',
      expect.objectContaining({ version: 1 }),
    );
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
  });
});
