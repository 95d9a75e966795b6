import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfirmDialog } from './ConfirmDialog';

function render(props: Partial<Parameters<typeof ConfirmDialog>[0]> = {}) {
  const handlers = { onConfirm: jest.fn(), onClose: jest.fn() };
  renderInTestApp(
    <ConfirmDialog
      open
      title="Delete this postmortem?"
      body="It can be restored later."
      confirmLabel="Delete"
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('ConfirmDialog', () => {
  it('asks, and confirms or cancels', async () => {
    const { onConfirm, onClose } = render();
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Delete this postmortem?'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('It can be restored later.'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('cannot be confirmed twice while the action runs, and shows its error', async () => {
    render({ busy: true, error: <p>Not allowed</p> });
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('button', { name: 'Delete' }),
    ).toBeDisabled();
    expect(within(dialog).getByText('Not allowed')).toBeInTheDocument();
  });

  it('shows nothing while closed', async () => {
    renderInTestApp(
      <>
        <span>page</span>
        <ConfirmDialog
          open={false}
          title="Delete?"
          body="Sure?"
          confirmLabel="Delete"
          onConfirm={jest.fn()}
          onClose={jest.fn()}
        />
      </>,
    );
    expect(await screen.findByText('page')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
