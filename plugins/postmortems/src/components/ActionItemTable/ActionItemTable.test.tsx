import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActionItem } from '@postmortems/backstage-plugin-postmortems-common';
import {
  dateDaysAgo,
  makeActionItem,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { ActionItemTable } from './ActionItemTable';

// Tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

function render(
  items: ActionItem[],
  props: Partial<Parameters<typeof ActionItemTable>[0]> = {},
) {
  const onStatusChange = jest.fn().mockResolvedValue(undefined);
  renderScreen(
    <ActionItemTable
      items={items}
      onStatusChange={onStatusChange}
      {...props}
    />,
  );
  return onStatusChange;
}

const rowOf = (text: string) => screen.getByText(text).closest('tr')!;

describe('ActionItemTable', () => {
  it('shows each item with its owner, due date, priority and kind, overdue ones marked', async () => {
    render([
      makeActionItem({
        overdue: true,
        dueDate: dateDaysAgo(3),
        externalUrl: 'https://jira/Q-1',
      }),
      makeActionItem({
        id: 'a2',
        title: 'Raise the vCPU limit',
        owner: undefined,
        dueDate: undefined,
        priority: 'low',
        kind: 'mitigate',
      }),
    ]);
    await screen.findByText('Alert on queue depth');
    const late = within(rowOf('Alert on queue depth'));
    // It says how late it is.
    expect(late.getByText('3 days overdue')).toBeInTheDocument();
    expect(late.getByRole('link', { name: /sre/ })).toBeInTheDocument();
    expect(late.getByText('High')).toBeInTheDocument();
    expect(late.getByText('Detect')).toBeInTheDocument();
    expect(late.getByRole('link', { name: 'Open link' })).toHaveAttribute(
      'href',
      'https://jira/Q-1',
    );

    const other = within(rowOf('Raise the vCPU limit'));
    expect(other.getByText('No due date')).toBeInTheDocument();
    expect(other.getByText('—')).toBeInTheDocument();
    expect(other.queryByText(/overdue/)).not.toBeInTheDocument();
    expect(
      other.queryByRole('link', { name: 'Open link' }),
    ).not.toBeInTheDocument();
    // Neither the postmortem nor edit buttons unless asked for.
    expect(screen.queryByText('Postmortem')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Edit/ }),
    ).not.toBeInTheDocument();
  });

  it('passes a status change on with the item', async () => {
    const item = makeActionItem();
    const onStatusChange = render([item]);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Status: Alert on queue depth, Open',
      }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'In progress' }),
    );
    await waitFor(() =>
      expect(onStatusChange).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'a1', version: 1 }),
        'in_progress',
      ),
    );
  });

  it('links the postmortem of each item and offers edit and delete when asked', async () => {
    const item = makeActionItem();
    const onEdit = jest.fn();
    const onDelete = jest.fn();
    render([item], {
      showPostmortem: true,
      postmortemLink: id => `/postmortems/${id}`,
      onEdit,
      onDelete,
      actions: <button type="button">Add action item</button>,
    });
    expect(
      await screen.findByRole('link', {
        name: '非同期ジョブキューの滞留で請求書発行が遅延',
      }),
    ).toHaveAttribute('href', `/postmortems/${POSTMORTEM_ID}`);
    expect(
      screen.getByRole('button', { name: 'Add action item' }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Edit: Alert on queue depth' }),
    );
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ id: 'a1' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete: Alert on queue depth' }),
    );
    expect(onDelete).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'a1' }),
    );
  });

  it('shows its empty content when there is nothing to list', async () => {
    render([], {
      title: 'Action items',
      emptyContent: <p>No action items.</p>,
    });
    expect(await screen.findByText('No action items.')).toBeInTheDocument();
    expect(screen.getByText('Action items')).toBeInTheDocument();
  });
});
