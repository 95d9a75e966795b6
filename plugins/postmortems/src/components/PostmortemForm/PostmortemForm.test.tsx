import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makePostmortem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
  invalidRequestError,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemForm } from './PostmortemForm';

// Forms with many fields are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

function renderCreate(api = mockPostmortemsApi()) {
  renderScreen(<PostmortemForm defaultEntityRef="component:default/x" />, {
    api,
    mountPath: '/postmortems/new',
    initialRouteEntries: ['/postmortems/new'],
  });
  return api;
}

function renderEdit(api = mockPostmortemsApi()) {
  renderScreen(<PostmortemForm />, {
    api,
    mountPath: '/postmortems/:postmortemId/edit',
    initialRouteEntries: [`/postmortems/${POSTMORTEM_ID}/edit`],
  });
  return api;
}

describe('PostmortemForm', () => {
  beforeEach(() => window.localStorage.clear());

  it('shows progress while the template loads', async () => {
    renderCreate(
      mockPostmortemsApi({
        listTemplates: jest.fn(() => new Promise<never>(() => {})),
      }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the templates cannot be read', async () => {
    renderCreate(
      mockPostmortemsApi({
        listTemplates: jest.fn().mockRejectedValue(new Error('no templates')),
      }),
    );
    expect((await screen.findAllByText(/no templates/)).length).toBeGreaterThan(
      0,
    );
  });

  it('has one Markdown field per template section', async () => {
    renderCreate();
    expect(await screen.findByLabelText('Summary')).toBeInTheDocument();
    expect(screen.getByLabelText('Where we got lucky')).toBeInTheDocument();
    expect(screen.getByLabelText('Summary')).toHaveAccessibleDescription(
      'What happened, in a few sentences.',
    );
  });

  it('says which required fields are missing without calling the API', async () => {
    const api = renderCreate();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create postmortem' }),
    );
    expect(
      await screen.findByText('Please correct the highlighted fields.'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Required').length).toBe(2);
    expect(api.createPostmortem).not.toHaveBeenCalled();
  });

  it('checks the time order and half-written timeline rows before the round trip, naming fields by their labels', async () => {
    const api = renderCreate();
    fireEvent.change(await screen.findByLabelText(/^Title/), {
      target: { value: 'Queue backlog' },
    });
    fireEvent.change(screen.getByLabelText(/^Started at/), {
      target: { value: '2026-10-01T09:00' },
    });
    fireEvent.change(screen.getByLabelText(/^Detected at/), {
      target: { value: '2026-10-01T08:00' },
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Add timeline entry' }),
    );
    fireEvent.change(screen.getByLabelText('When'), {
      target: { value: '2026-10-01T09:05' },
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Create postmortem' }),
    );

    const detected = screen.getByLabelText(/^Detected at/);
    await waitFor(() => expect(detected).toHaveFocus());
    expect(detected).toHaveAttribute('aria-invalid', 'true');
    expect(detected).toHaveAccessibleDescription(
      /^Must not be before “Started at”/,
    );
    const text = screen.getByRole('textbox', { name: 'What happened' });
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(text).toHaveAccessibleDescription('Say what happened at this time');
    expect(api.createPostmortem).not.toHaveBeenCalled();
  });

  it('creates a postmortem with times as ISO with offset and shows a 400 at its field, in the reader’s words', async () => {
    const api = renderCreate(
      mockPostmortemsApi({
        createPostmortem: jest.fn().mockRejectedValue(
          await invalidRequestError({
            field: 'detectedAt',
            message: 'must not be before startedAt',
            code: 'not_before',
            params: { field: 'startedAt' },
          }),
        ),
      }),
    );
    fireEvent.change(await screen.findByLabelText(/^Title/), {
      target: { value: 'Queue backlog' },
    });
    fireEvent.change(screen.getByLabelText(/^Started at/), {
      target: { value: '2026-10-01T09:00' },
    });
    fireEvent.change(screen.getByLabelText(/^Detected at/), {
      target: { value: '2026-10-01T09:30' },
    });
    fireEvent.change(screen.getByLabelText('Summary'), {
      target: { value: 'ジョブが滞留した' },
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Create postmortem' }),
    );

    await waitFor(() => expect(api.createPostmortem).toHaveBeenCalled());
    const body = api.createPostmortem.mock.calls[0][0];
    expect(body).toMatchObject({
      title: 'Queue backlog',
      entityRefs: ['component:default/x'],
      sections: { summary: 'ジョブが滞留した' },
      template: 'sre-book',
      mitigatedAt: null,
    });
    expect(body.startedAt).toMatch(/^2026-10-01T09:00:00[+-]\d{2}:\d{2}$/);
    const detected = screen.getByLabelText(/^Detected at/);
    expect(detected).toHaveAttribute('aria-invalid', 'true');
    // The writer is taken to the field, far above the save button.
    await waitFor(() => expect(detected).toHaveFocus());
    // Under the field, its name would only repeat the label.
    expect(
      screen.getByText('Must not be before “Started at”', { exact: true }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/startedAt/)).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^Started at/)).toHaveAttribute(
      'aria-invalid',
      'false',
    );
  });

  it('sends only the changed fields with the version it was based on', async () => {
    const api = renderEdit(
      mockPostmortemsApi({
        updatePostmortem: jest.fn().mockResolvedValue(makePostmortem()),
      }),
    );
    const title = await screen.findByLabelText(/^Title/);
    expect(title).toHaveValue('非同期ジョブキューの滞留で請求書発行が遅延');
    fireEvent.change(title, { target: { value: 'New title' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updatePostmortem).toHaveBeenCalledWith(POSTMORTEM_ID, {
        title: 'New title',
        version: 3,
      }),
    );
  });

  it('shows a conflict, keeps the change unsaved, and reloads on request', async () => {
    renderEdit(
      mockPostmortemsApi({
        getPostmortem: jest
          .fn()
          .mockResolvedValueOnce(makePostmortem())
          .mockResolvedValueOnce(
            makePostmortem({ title: 'Their title', version: 4 }),
          ),
        updatePostmortem: jest
          .fn()
          .mockRejectedValue(await responseError(409, 'version 3 is stale')),
      }),
    );
    fireEvent.change(await screen.findByLabelText(/^Title/), {
      target: { value: 'My title' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Someone else changed this in the meantime'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByLabelText(/^Title/)).toHaveValue('My title');

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/^Title/)).toHaveValue('Their title'),
    );
    expect(
      screen.queryByText('Someone else changed this in the meantime'),
    ).not.toBeInTheDocument();
    // What the writer typed is not lost: it is offered back onto theirs.
    await userEvent.click(screen.getByRole('button', { name: 'Restore them' }));
    expect(screen.getByLabelText(/^Title/)).toHaveValue('My title');
  });

  it('keeps unsaved text in this browser when the writer leaves, and offers it back', async () => {
    renderCreate();
    fireEvent.change(await screen.findByLabelText('Summary'), {
      target: { value: 'The queue backed up.' },
    });
    cleanup(); // The writer clicks another tab.

    renderCreate();
    await screen.findByLabelText('Summary');
    expect(
      await screen.findByText(
        /^Unsaved changes from .+ were kept in this browser\.$/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Summary')).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Restore them' }));
    expect(screen.getByLabelText('Summary')).toHaveValue(
      'The queue backed up.',
    );
    expect(
      screen.queryByRole('button', { name: 'Restore them' }),
    ).not.toBeInTheDocument();
  });

  it('forgets the kept text once it is discarded or saved', async () => {
    renderCreate();
    fireEvent.change(await screen.findByLabelText('Summary'), {
      target: { value: 'Thrown away' },
    });
    // Kept once the form has its base (the templates load first).
    await waitFor(() =>
      expect(
        window.localStorage.getItem(
          'postmortems.draft.new:component:default/x',
        ),
      ).toContain('Thrown away'),
    );
    cleanup();
    renderCreate();
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Discard' },
        { timeout: 10_000 },
      ),
    );
    cleanup();
    renderCreate();
    await screen.findByLabelText('Summary');
    expect(
      screen.queryByRole('button', { name: 'Restore them' }),
    ).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(/^Title/), {
      target: { value: 'Queue backlog' },
    });
    fireEvent.change(screen.getByLabelText(/^Started at/), {
      target: { value: '2026-10-01T09:00' },
    });
    expect(
      window.localStorage.getItem('postmortems.draft.new:component:default/x'),
    ).toContain('Queue backlog');
    await userEvent.click(
      screen.getByRole('button', { name: 'Create postmortem' }),
    );
    await waitFor(() =>
      expect(
        Object.keys(window.localStorage).filter(key =>
          key.startsWith('postmortems.draft.'),
        ),
      ).toEqual([]),
    );
  });
});
