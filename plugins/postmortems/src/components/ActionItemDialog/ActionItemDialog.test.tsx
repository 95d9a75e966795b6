import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  invalidRequestError,
  makeActionItem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
  responseError,
  SESSION_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { ActionItemDialog } from './ActionItemDialog';

// Dialogs with pickers are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

function render(
  api = mockPostmortemsApi(),
  props: Partial<Parameters<typeof ActionItemDialog>[0]> = {},
) {
  const handlers = {
    onClose: jest.fn(),
    onSaved: jest.fn(),
    onReload: jest.fn(),
  };
  renderScreen(
    <ActionItemDialog postmortemId={POSTMORTEM_ID} {...handlers} {...props} />,
    { api },
  );
  return { api, ...handlers };
}

async function save() {
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
  return dialog;
}

describe('ActionItemDialog', () => {
  it('needs a title before it asks the API', async () => {
    const { api } = render();
    expect(await screen.findByText('New action item')).toBeInTheDocument();
    await save();
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.createActionItem).not.toHaveBeenCalled();
  });

  it('adds an item with empty optional fields as null, tied to its reading session', async () => {
    const created = makeActionItem();
    const { api, onSaved } = render(
      mockPostmortemsApi({
        createActionItem: jest.fn().mockResolvedValue(created),
      }),
      { readingSessionId: SESSION_ID },
    );
    await userEvent.type(
      await screen.findByLabelText(/^Title/),
      '  Alert on queue depth ',
    );
    fireEvent.change(screen.getByLabelText('Due date'), {
      target: { value: '2026-10-15' },
    });
    await save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(created));
    expect(api.createActionItem).toHaveBeenCalledWith(POSTMORTEM_ID, {
      title: 'Alert on queue depth',
      description: null,
      owner: null,
      dueDate: '2026-10-15',
      status: 'open',
      priority: 'medium',
      kind: 'prevent',
      externalUrl: null,
      readingSessionId: SESSION_ID,
    });
  });

  it('edits an item with the version it started from, keeping its origin', async () => {
    const item = makeActionItem({ version: 5, description: 'Old text' });
    const { api } = render(
      mockPostmortemsApi({
        updateActionItem: jest.fn().mockResolvedValue(item),
      }),
      { item, readingSessionId: SESSION_ID },
    );
    expect(await screen.findByText('Edit action item')).toBeInTheDocument();
    const description = screen.getByLabelText('Description (Markdown)');
    expect(description).toHaveValue('Old text');
    await userEvent.clear(description);
    await save();
    await waitFor(() =>
      expect(api.updateActionItem).toHaveBeenCalledWith('a1', {
        title: 'Alert on queue depth',
        description: null,
        owner: 'group:default/sre',
        dueDate: '2026-10-15',
        status: 'open',
        priority: 'high',
        kind: 'detect',
        externalUrl: null,
        version: 5,
      }),
    );
  });

  it('shows a 400 at the field it names, and others above the fields', async () => {
    render(
      mockPostmortemsApi({
        createActionItem: jest
          .fn()
          .mockRejectedValueOnce(
            await invalidRequestError({
              field: 'externalUrl',
              message: 'must be a URL',
            }),
          )
          .mockRejectedValueOnce(new Error('backend down')),
      }),
    );
    await userEvent.type(await screen.findByLabelText(/^Title/), 'Runbook');
    const dialog = await save();
    expect(
      await within(dialog).findByText('must be a URL'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Link/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await save();
    expect(await within(dialog).findByText('backend down')).toBeInTheDocument();
    expect(within(dialog).queryByText('must be a URL')).not.toBeInTheDocument();
  });

  it('reports a conflict and leaves the reload to the list', async () => {
    const { onReload, onSaved } = render(
      mockPostmortemsApi({
        updateActionItem: jest
          .fn()
          .mockRejectedValue(await responseError(409, 'stale')),
      }),
      { item: makeActionItem() },
    );
    const dialog = await save();
    expect(
      await within(dialog).findByText(
        'Someone else changed this in the meantime',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reload' }),
    );
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('closes on Cancel without saving', async () => {
    const { api, onClose } = render();
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(api.createActionItem).not.toHaveBeenCalled();
  });
});
