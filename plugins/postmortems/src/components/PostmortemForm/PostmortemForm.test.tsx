import { fireEvent, screen, waitFor } from '@testing-library/react';
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
    expect(
      screen.getByPlaceholderText('What happened, in a few sentences.'),
    ).toBeInTheDocument();
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

  it('creates a postmortem with times as ISO with offset and shows a 400 at its field', async () => {
    const api = renderCreate(
      mockPostmortemsApi({
        createPostmortem: jest.fn().mockRejectedValue(
          await invalidRequestError({
            field: 'detectedAt',
            message: 'must not be before startedAt',
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
      target: { value: '2026-10-01T08:00' },
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
      screen.getByText('must not be before startedAt', { exact: true }),
    ).toBeInTheDocument();
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
  });
});
