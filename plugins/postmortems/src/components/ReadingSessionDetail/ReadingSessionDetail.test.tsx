import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeActionItem,
  makePostmortem,
  makeReadingSession,
  makeSuggestion,
  mockPostmortemsApi,
  POSTMORTEM_ID,
  duplicateMonthError,
  invalidRequestError,
  responseError,
  SESSION_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemsApi } from '../../api';
import { ReadingSessionDetail } from './ReadingSessionDetail';

jest.setTimeout(30_000);

function render(overrides: Partial<PostmortemsApi> = {}) {
  const api = mockPostmortemsApi({
    getReadingSession: jest.fn().mockResolvedValue(
      makeReadingSession({
        postmortemId: POSTMORTEM_ID,
        participants: ['user:default/kenta.ito'],
        notes: 'Old notes',
        version: 7,
      }),
    ),
    listReadingSessionActionItems: jest.fn().mockResolvedValue({
      items: [makeActionItem({ title: 'Runbook for the queue' })],
      totalCount: 1,
    }),
    ...overrides,
  });
  renderScreen(<ReadingSessionDetail />, {
    api,
    mountPath: '/postmortems/reading-sessions/:sessionId',
    initialRouteEntries: [`/postmortems/reading-sessions/${SESSION_ID}`],
  });
  return api;
}

describe('ReadingSessionDetail', () => {
  it('shows the session, its pick and the action items raised in it', async () => {
    const api = render();
    expect(await screen.findByText('Edit the session')).toBeInTheDocument();
    expect(api.getReadingSession).toHaveBeenCalledWith(SESSION_ID);
    expect(api.getPostmortem).toHaveBeenCalledWith(POSTMORTEM_ID);
    expect(
      screen.getByRole('link', {
        name: '非同期ジョブキューの滞留で請求書発行が遅延',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Runbook for the queue/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Notes/ })).toHaveValue(
      'Old notes',
    );
  });

  it('saves notes and status with the version it was based on', async () => {
    const api = render({
      updateReadingSession: jest
        .fn()
        .mockResolvedValue(makeReadingSession({ version: 8 })),
    });
    const notes = await screen.findByRole('textbox', { name: /Notes/ });
    await userEvent.clear(notes);
    await userEvent.type(notes, 'We read it');
    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(await screen.findByRole('option', { name: 'Held' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateReadingSession).toHaveBeenCalledWith(
        SESSION_ID,
        expect.objectContaining({
          notes: 'We read it',
          status: 'held',
          postmortemId: POSTMORTEM_ID,
          participants: ['user:default/kenta.ito'],
          durationMinutes: 30,
          version: 7,
        }),
      ),
    );
    await waitFor(() => expect(api.getReadingSession).toHaveBeenCalledTimes(2));
  });

  it('changes the pick', async () => {
    const api = render({
      listPostmortems: jest.fn().mockResolvedValue({
        items: [
          makePostmortem(),
          makePostmortem({ id: 'p2', title: '決済APIのタイムアウト' }),
        ],
        totalCount: 2,
      }),
      updateReadingSession: jest.fn().mockResolvedValue(makeReadingSession()),
    });
    const picker = await screen.findByLabelText('Pick');
    await waitFor(() => expect(api.listPostmortems).toHaveBeenCalled());
    await userEvent.click(picker);
    await userEvent.click(
      await screen.findByRole(
        'option',
        { name: /決済APIのタイムアウト/ },
        { timeout: 5_000 },
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateReadingSession).toHaveBeenCalledWith(
        SESSION_ID,
        expect.objectContaining({ postmortemId: 'p2', version: 7 }),
      ),
    );
    expect(api.listPostmortems).toHaveBeenCalledWith({
      status: 'published',
      limit: 100,
    });
  });

  it("offers a future session's pick from the group's suggestions, with severity and when it was last read", async () => {
    const api = render({
      getReadingSession: jest
        .fn()
        .mockResolvedValue(
          makeReadingSession({ scheduledAt: '2099-01-20T17:00:00+09:00' }),
        ),
      getReadingSessionSuggestions: jest.fn().mockResolvedValue([
        makeSuggestion({
          postmortem: makePostmortem({
            id: 'p2',
            title: '決済APIのタイムアウト',
            severity: 'sev1',
            readings: { count: 1, lastReadAt: '2025-03-14T08:00:00Z' },
          }),
        }),
      ]),
    });
    const picker = await screen.findByLabelText('Pick');
    expect(api.getReadingSessionSuggestions).toHaveBeenCalledWith(
      'group:default/sre',
      { limit: 5 },
    );
    await userEvent.click(picker);
    const option = await screen.findByRole('option', {
      name: /決済APIのタイムアウト/,
    });
    expect(option).toHaveTextContent('SEV1');
    expect(option).toHaveTextContent('Already read on Mar 14, 2025');
    expect(screen.getByText('Suggested')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');

    // Days before it, the session cannot be held yet.
    expect(api.getCurrentReadingSession).toHaveBeenCalledWith(
      'group:default/sre',
    );
    await userEvent.click(screen.getByLabelText('Status'));
    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['Planned', 'Cancelled']);
  });

  it('says that the pick was deleted, not its id, and lets one choose another', async () => {
    const api = render({
      getReadingSession: jest
        .fn()
        .mockResolvedValue(
          makeReadingSession({ postmortemId: 'deleted-id', version: 3 }),
        ),
      getPostmortem: jest
        .fn()
        .mockRejectedValue(
          await responseError(404, 'not found', 'NotFoundError'),
        ),
      updateReadingSession: jest.fn().mockResolvedValue(makeReadingSession()),
    });
    expect(
      await screen.findByText('The pick was deleted.', { selector: 'div' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Pick')).toHaveValue('The pick was deleted.');
    expect(screen.queryByText(/deleted-id/)).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Choose another' }),
    );
    expect(screen.getByLabelText('Pick')).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateReadingSession).toHaveBeenCalledWith(
        SESSION_ID,
        expect.objectContaining({ postmortemId: null, version: 3 }),
      ),
    );
  });

  it('says at the date when the session is moved into a month that has one', async () => {
    const api = render({
      updateReadingSession: jest
        .fn()
        .mockRejectedValue(await duplicateMonthError('2026-12')),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.updateReadingSession).toHaveBeenCalled());
    expect(
      await screen.findByText(
        'This group already has a session in November 2026. Cancel that one or choose another month.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Someone else changed this in the meantime'),
    ).not.toBeInTheDocument();
  });

  it('reports a conflict instead of overwriting, and reloads', async () => {
    const api = render({
      updateReadingSession: jest
        .fn()
        .mockRejectedValue(await responseError(409, 'stale')),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Someone else changed this in the meantime'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(api.getReadingSession).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled(),
    );
  });

  it('shows a 400 about the duration at the duration field', async () => {
    render({
      updateReadingSession: jest.fn().mockRejectedValue(
        await invalidRequestError({
          field: 'durationMinutes',
          message: 'must be from 5 to 480 minutes',
        }),
      ),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    const duration = await screen.findByLabelText('Duration (minutes)');
    await waitFor(() =>
      expect(duration).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(
      screen.getByText('must be from 5 to 480 minutes'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Date and time/)).toHaveAttribute(
      'aria-invalid',
      'false',
    );
  });

  it('raises an action item in the session', async () => {
    const api = render({
      createActionItem: jest.fn().mockResolvedValue(makeActionItem()),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Raise an action item' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Add alert');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.createActionItem).toHaveBeenCalledWith(
        POSTMORTEM_ID,
        expect.objectContaining({
          title: 'Add alert',
          readingSessionId: SESSION_ID,
        }),
      ),
    );
  });

  it('says when the session does not exist', async () => {
    render({
      getReadingSession: jest
        .fn()
        .mockRejectedValue(await responseError(404, 'nope', 'NotFoundError')),
    });
    expect(
      await screen.findByText(/This reading session does not exist/),
    ).toBeInTheDocument();
  });
});
