import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makePostmortem,
  makeSuggestion,
  mockPostmortemsApi,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemPicker } from './PostmortemPicker';

// Autocompletes are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const published = {
  items: [
    makePostmortem({ id: 'p1', title: 'Queue backlog' }),
    makePostmortem({ id: 'p2', title: '決済APIのタイムアウト' }),
  ],
  totalCount: 2,
};

describe('PostmortemPicker', () => {
  it('offers published postmortems by title and gives back the id', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest.fn().mockResolvedValue(published),
    });
    const onChange = jest.fn();
    renderScreen(
      <PostmortemPicker id="pick" label="Pick" onChange={onChange} />,
      { api },
    );
    await userEvent.click(await screen.findByLabelText('Pick'));
    await userEvent.click(
      await screen.findByRole('option', { name: /決済APIのタイムアウト/ }),
    );
    expect(onChange).toHaveBeenCalledWith('p2');
    expect(api.listPostmortems).toHaveBeenCalledWith({
      status: 'published',
      limit: 100,
    });
  });

  it('shows the current pick by title before the list arrives', async () => {
    renderScreen(
      <PostmortemPicker
        id="pick"
        label="Pick"
        value="p9"
        current={makePostmortem({ id: 'p9', title: 'An old draft' })}
        onChange={jest.fn()}
      />,
      {
        api: mockPostmortemsApi({
          listPostmortems: jest.fn(() => new Promise<never>(() => {})),
        }),
      },
    );
    expect(await screen.findByLabelText('Pick')).toHaveValue('An old draft');
  });

  it('offers the suggestions first, with severity, when last read and why', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest.fn().mockResolvedValue(published),
    });
    const onChange = jest.fn();
    renderScreen(
      <PostmortemPicker
        id="pick"
        label="Pick"
        suggestions={[
          makeSuggestion({
            postmortem: makePostmortem({
              id: 'p2',
              title: '決済APIのタイムアウト',
              severity: 'sev1',
              readings: { count: 1, lastReadAt: '2025-03-14T08:00:00Z' },
            }),
            reasons: [
              { code: 'severity', severity: 'sev1' },
              { code: 'overdue_action_items', count: 2 },
            ],
          }),
        ]}
        onChange={onChange}
      />,
      { api },
    );
    await waitFor(() => expect(api.listPostmortems).toHaveBeenCalled());
    await userEvent.click(screen.getByLabelText('Pick'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      expect.stringContaining('決済APIのタイムアウト'),
      expect.stringContaining('Queue backlog'),
    ]);
    expect(options[0]).toHaveTextContent('SEV1');
    expect(options[0]).toHaveTextContent('Already read on Mar 14, 2025');
    expect(options[0]).toHaveTextContent('2 overdue action items');
    expect(screen.getByText('Suggested')).toBeInTheDocument();
    expect(screen.getByText('All published postmortems')).toBeInTheDocument();
    await userEvent.click(options[0]);
    expect(onChange).toHaveBeenCalledWith('p2');
  });

  it('says that a pick which is nowhere any more was deleted', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest.fn().mockResolvedValue(published),
    });
    renderScreen(
      <PostmortemPicker
        id="pick"
        label="Pick"
        value="gone"
        onChange={jest.fn()}
      />,
      { api },
    );
    await waitFor(() =>
      expect(screen.getByLabelText('Pick')).toHaveValue(
        'The pick was deleted.',
      ),
    );
    await userEvent.click(screen.getByLabelText('Pick'));
    expect(
      await screen.findByRole('option', { name: 'The pick was deleted.' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('option')).toHaveLength(3);
  });
});
