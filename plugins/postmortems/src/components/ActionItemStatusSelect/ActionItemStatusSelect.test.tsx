import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActionItemStatusSelect } from './ActionItemStatusSelect';

describe('ActionItemStatusSelect', () => {
  it('shows the status and is disabled until the change is saved', async () => {
    let finish = () => {};
    const onChange = jest.fn(
      () =>
        new Promise<void>(resolve => {
          finish = resolve;
        }),
    );
    renderInTestApp(
      <ActionItemStatusSelect
        status="open"
        itemTitle="Alert on queue depth"
        onChange={onChange}
      />,
    );
    // The name says the item and the status it shows.
    const select = await screen.findByRole('button', {
      name: 'Status: Alert on queue depth, Open',
    });
    expect(select).toHaveTextContent('Open');
    await userEvent.click(select);
    await userEvent.click(
      await screen.findByRole('option', { name: "Won't do" }),
    );
    expect(onChange).toHaveBeenCalledWith('wont_do');
    await waitFor(() =>
      expect(select).toHaveAttribute('aria-disabled', 'true'),
    );
    finish();
    await waitFor(() => expect(select).not.toHaveAttribute('aria-disabled'));
  });
});
