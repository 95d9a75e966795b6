import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeActionItem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemsApi } from '../../api';
import { PostmortemActionItems } from './PostmortemActionItems';

// Dialogs and tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

function render(
  overrides: Partial<PostmortemsApi> = {},
  initialRouteEntries?: string[],
) {
  const api = mockPostmortemsApi({
    listPostmortemActionItems: jest.fn().mockResolvedValue({
      items: [
        makeActionItem({ id: 'a1', title: 'Later', dueDate: '2027-01-01' }),
        makeActionItem({ id: 'a2', title: 'Late', overdue: true }),
      ],
      totalCount: 2,
    }),
    ...overrides,
  });
  const onChange = jest.fn();
  const { alertApi } = renderScreen(
    <PostmortemActionItems postmortemId={POSTMORTEM_ID} onChange={onChange} />,
    { api, initialRouteEntries },
  );
  return { api, alertApi, onChange };
}

const titles = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).queryAllByRole('cell')[0]?.textContent);

describe('PostmortemActionItems', () => {
  it("lists the postmortem's items, overdue first", async () => {
    const { api } = render();
    await screen.findByText('Later');
    expect(titles()).toEqual(['Late', 'Later']);
    expect(api.listPostmortemActionItems).toHaveBeenCalledWith(POSTMORTEM_ID);
  });

  it('scrolls to, highlights and focuses the item a link points to', async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    render({}, [`/postmortems/${POSTMORTEM_ID}?actionItem=a1`]);

    const target = await screen.findByText('Later');
    await waitFor(() => expect(target).toHaveFocus());
    expect(target).toHaveAttribute('aria-current', 'location');
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.contexts[0]).toBe(target);
    // Its row is outlined; the other one is not.
    expect(target.closest('tr')?.style.cssText).toContain(
      'outline-style: solid',
    );
    const other = screen.getByText('Late');
    expect(other).not.toHaveAttribute('aria-current');
    expect(other.closest('tr')?.style.cssText).not.toContain('outline');
  });

  it('highlights nothing without a link to an item', async () => {
    render();
    await screen.findByText('Later');
    expect(document.querySelector('[aria-current]')).toBeNull();
    expect(document.body).toHaveFocus();
  });

  it('shows the error of a failed load', async () => {
    render({
      listPostmortemActionItems: jest
        .fn()
        .mockRejectedValue(new Error('backend down')),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('adds an item and tells the page it changed', async () => {
    const { api, onChange } = render({
      createActionItem: jest.fn().mockResolvedValue(makeActionItem()),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add action item' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^Title/), 'Runbook');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.createActionItem).toHaveBeenCalledWith(
      POSTMORTEM_ID,
      expect.objectContaining({ title: 'Runbook' }),
    );
    expect(onChange).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(api.listPostmortemActionItems).toHaveBeenCalledTimes(2),
    );
  });

  it('changes a status and tells the page', async () => {
    const { api, alertApi, onChange } = render({
      updateActionItem: jest.fn().mockResolvedValue(makeActionItem()),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /^Status: Late(,|$)/ }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'Done' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(api.updateActionItem).toHaveBeenCalledWith('a2', {
      status: 'done',
      version: 1,
    });
    expect(alertApi.getAlerts()).toContainEqual(
      expect.objectContaining({ message: 'Status changed.' }),
    );
    await waitFor(() =>
      expect(api.listPostmortemActionItems).toHaveBeenCalledTimes(2),
    );
  });

  it('deletes an item after asking, and says when that fails', async () => {
    const { api, alertApi, onChange } = render({
      deleteActionItem: jest
        .fn()
        .mockResolvedValueOnce(undefined)
        .mockRejectedValueOnce(new Error('not allowed')),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete: Late' }),
    );
    let dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('"Late" will be removed.'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(api.deleteActionItem).toHaveBeenCalledWith('a2');
    await waitFor(() =>
      expect(api.listPostmortemActionItems).toHaveBeenCalledTimes(2),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Delete: Later' }),
    );
    dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() =>
      expect(alertApi.getAlerts()).toContainEqual(
        expect.objectContaining({ message: 'not allowed', severity: 'error' }),
      ),
    );
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
