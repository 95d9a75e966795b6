import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { PostmortemActionItemSearchResultListItem } from './PostmortemActionItemSearchResultListItem';
import { isOverdue } from './documents';
import { japaneseApis } from './__testUtils__/japanese';

const PRE = '<c0ffee>';
const POST = '</c0ffee>';

const actionItem = {
  type: 'postmortem-action-item',
  title: 'Alert on queue depth',
  text: 'Page the on-call engineer when the invoice queue grows for 10 minutes.',
  location: '/postmortems/pm-1?actionItem=ai-7',
  postmortemTitle: '請求管理ロボ: queue backlog',
  status: 'open',
  owner: 'group:default/sre',
  // Long past: overdue whatever day the test runs.
  dueDate: '2020-03-31',
  entityRefs: ['component:default/seikyu-kanri-robo'],
};

describe('PostmortemActionItemSearchResultListItem', () => {
  it('links to the item on its postmortem and shows postmortem, service, status, owner, due date', async () => {
    renderInTestApp(
      <PostmortemActionItemSearchResultListItem result={actionItem} />,
    );
    const link = await screen.findByRole('link', {
      name: 'Alert on queue depth',
    });
    expect(link).toHaveAttribute('href', '/postmortems/pm-1?actionItem=ai-7');
    expect(
      screen.getByText('Postmortem: 請求管理ロボ: queue backlog'),
    ).toBeInTheDocument();
    expect(screen.getByText('Service: seikyu-kanri-robo')).toBeInTheDocument();
    expect(screen.getByText('Status: Open')).toBeInTheDocument();
    expect(screen.getByText('Owner: sre')).toBeInTheDocument();
    expect(screen.getByText('Due: Mar 31, 2020')).toBeInTheDocument();
    expect(screen.getByText(/days overdue$/)).toBeInTheDocument();
    expect(screen.getByTestId('search-result-snippet')).toHaveTextContent(
      'Page the on-call engineer when the invoice queue grows for 10 minutes.',
    );
  });

  it('is not overdue once done', async () => {
    const done = { ...actionItem, status: 'done' };
    renderInTestApp(<PostmortemActionItemSearchResultListItem result={done} />);
    expect(await screen.findByText('Status: Done')).toBeInTheDocument();
    expect(screen.queryByText(/overdue/)).not.toBeInTheDocument();
  });

  it('highlights the matches in its title and description', async () => {
    renderInTestApp(
      <PostmortemActionItemSearchResultListItem
        result={actionItem}
        highlight={{
          preTag: PRE,
          postTag: POST,
          fields: {
            title: `Alert on ${PRE}queue${POST} depth`,
            text: `Page the on-call engineer when the invoice ${PRE}queue${POST} grows for 10 minutes.`,
          },
        }}
      />,
    );
    const link = await screen.findByRole('link');
    expect(within(link).getByText('queue').tagName).toBe('MARK');
    expect(
      within(screen.getByTestId('search-result-snippet')).getByText('queue')
        .tagName,
    ).toBe('MARK');
  });

  it('speaks Japanese when the app does', async () => {
    renderInTestApp(
      <PostmortemActionItemSearchResultListItem result={actionItem} />,
      { apis: japaneseApis() },
    );
    expect(
      await screen.findByText('ポストモーテム：請求管理ロボ: queue backlog'),
    ).toBeInTheDocument();
    expect(screen.getByText('サービス：seikyu-kanri-robo')).toBeInTheDocument();
    expect(screen.getByText('ステータス：未着手')).toBeInTheDocument();
    expect(screen.getByText('担当：sre')).toBeInTheDocument();
    expect(screen.getByText('期限：2020/03/31')).toBeInTheDocument();
    expect(screen.getByText(/日超過$/)).toBeInTheDocument();
  });
});

describe('isOverdue', () => {
  const now = new Date(2026, 11, 2, 10, 0); // 2 December 2026, local time
  it('is overdue from the day after the due date, while the item is to do', () => {
    expect(
      isOverdue({ services: [], status: 'open', dueDate: '2026-12-01' }, now),
    ).toBe(true);
    expect(
      isOverdue(
        { services: [], status: 'in_progress', dueDate: '2026-12-01' },
        now,
      ),
    ).toBe(true);
    expect(
      isOverdue({ services: [], status: 'open', dueDate: '2026-12-02' }, now),
    ).toBe(false);
    expect(
      isOverdue(
        { services: [], status: 'wont_do', dueDate: '2026-01-01' },
        now,
      ),
    ).toBe(false);
    expect(isOverdue({ services: [], status: 'open' }, now)).toBe(false);
  });
});
