import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReadingSession } from '@postmortems/backstage-plugin-postmortems-common';
import {
  invalidRequestError,
  makeReadingSession,
  mockPostmortemsApi,
  responseError,
  SESSION_ID,
  USERS,
} from '../../__testUtils__/fixtures';
import { chooseEntity } from '../../__testUtils__/pickers';
import { renderScreen } from '../../__testUtils__/render';
import { SessionNotesDialog } from './SessionNotesDialog';

// Dialogs and autocompletes are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

function render(
  session: ReadingSession,
  api = mockPostmortemsApi(),
  canMarkHeld?: boolean,
) {
  const handlers = {
    onClose: jest.fn(),
    onSaved: jest.fn(),
    onReload: jest.fn(),
  };
  renderScreen(
    <SessionNotesDialog
      session={session}
      canMarkHeld={canMarkHeld}
      {...handlers}
    />,
    {
      api,
      catalogApi: catalogApiMock({ entities: USERS }),
    },
  );
  return { api, ...handlers };
}

describe('SessionNotesDialog', () => {
  it('records who came and what was said, without changing the status', async () => {
    const session = makeReadingSession({
      notes: 'Old notes',
      participants: ['user:default/kenta.ito'],
      version: 4,
    });
    const { api, onSaved } = render(
      session,
      mockPostmortemsApi({
        updateReadingSession: jest.fn().mockResolvedValue(session),
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const notes = within(dialog).getByRole('textbox', { name: /Notes/ });
    expect(notes).toHaveValue('Old notes');
    await chooseEntity(/Participants/, '小林 芽衣');
    await userEvent.clear(notes);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(session));
    expect(api.updateReadingSession).toHaveBeenCalledWith(SESSION_ID, {
      // Cleared notes are removed, not kept as an empty text.
      notes: null,
      participants: ['user:default/kenta.ito', 'user:default/mei.kobayashi'],
      version: 4,
    });
  });

  it('marks the session held, and offers that only until it is', async () => {
    const { api } = render(
      makeReadingSession(),
      mockPostmortemsApi({
        updateReadingSession: jest.fn().mockResolvedValue(makeReadingSession()),
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Notes/ }),
      'We read it',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark as held' }),
    );
    await waitFor(() =>
      expect(api.updateReadingSession).toHaveBeenCalledWith(SESSION_ID, {
        notes: 'We read it',
        participants: [],
        status: 'held',
        version: 1,
      }),
    );
  });

  it('keeps notes but does not offer "Mark as held" before the session’s day', async () => {
    render(
      makeReadingSession({ scheduledAt: '2026-11-20T17:00:00+09:00' }),
      mockPostmortemsApi(),
      false,
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Can be marked as held from Nov 20, 2026.'),
    ).toBeInTheDocument();
    expect(
      within(dialog).queryByRole('button', { name: 'Mark as held' }),
    ).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('does not offer to mark a held session held again', async () => {
    render(makeReadingSession({ status: 'held' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeEnabled();
    expect(
      within(dialog).queryByRole('button', { name: 'Mark as held' }),
    ).not.toBeInTheDocument();
  });

  it('reports a conflict and leaves the reload to the card', async () => {
    const { onReload } = render(
      makeReadingSession(),
      mockPostmortemsApi({
        updateReadingSession: jest
          .fn()
          .mockRejectedValue(await responseError(409, 'stale')),
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(
        'Someone else changed this in the meantime',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(
      within(dialog).getByRole('button', { name: 'Mark as held' }),
    ).toBeDisabled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reload' }),
    );
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('shows any other failure above the fields and can be saved again', async () => {
    render(
      makeReadingSession(),
      mockPostmortemsApi({
        updateReadingSession: jest
          .fn()
          .mockRejectedValue(
            await invalidRequestError({ field: 'notes', message: 'too long' }),
          ),
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('Invalid request: notes: too long'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeEnabled();
  });
});
