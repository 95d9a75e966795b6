import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoadMoreButton } from './LoadMoreButton';

const page = (nextCursor?: string) => ({
  items: [],
  totalCount: 3,
  nextCursor,
});

describe('LoadMoreButton', () => {
  it('loads the next page from the cursor of the last one', async () => {
    const onLoad = jest.fn();
    renderInTestApp(
      <LoadMoreButton page={page('c2')} loading={false} onLoad={onLoad} />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );
    expect(onLoad).toHaveBeenCalledWith('c2');
  });

  it('is not there on the last page, before the first or while loading', async () => {
    renderInTestApp(
      <>
        <span>list</span>
        <LoadMoreButton page={page()} loading={false} onLoad={jest.fn()} />
        <LoadMoreButton loading={false} onLoad={jest.fn()} />
        <LoadMoreButton page={page('c2')} loading onLoad={jest.fn()} />
      </>,
    );
    expect(await screen.findByText('list')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
