import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makePostmortem,
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
      await screen.findByRole('option', { name: '決済APIのタイムアウト' }),
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

  it('keeps a pick that is no longer listed, by its id', async () => {
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
    await waitFor(() => expect(api.listPostmortems).toHaveBeenCalled());
    await userEvent.click(screen.getByLabelText('Pick'));
    expect(
      await screen.findByRole('option', { name: 'gone' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('option')).toHaveLength(3);
  });
});
