import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConflictAlert } from './ConflictAlert';

describe('ConflictAlert', () => {
  it('says someone else changed the record and offers to reload', async () => {
    const onReload = jest.fn();
    renderInTestApp(<ConflictAlert onReload={onReload} />);
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText('Someone else changed this in the meantime'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reload' }),
    );
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
