import { makeActionItem } from '../__testUtils__/fixtures';
import { sortActionItems } from './actionItems';

describe('sortActionItems', () => {
  it('puts overdue first, then open by due date, then done and won’t do', () => {
    const items = [
      makeActionItem({
        id: 'done-early',
        status: 'done',
        dueDate: '2026-01-01',
      }),
      makeActionItem({
        id: 'open-late',
        status: 'open',
        dueDate: '2026-12-01',
      }),
      makeActionItem({
        id: 'undated',
        status: 'in_progress',
        dueDate: undefined,
      }),
      makeActionItem({ id: 'wont', status: 'wont_do', dueDate: '2026-02-01' }),
      makeActionItem({
        id: 'overdue',
        status: 'open',
        dueDate: '2026-03-01',
        overdue: true,
      }),
      makeActionItem({
        id: 'open-soon',
        status: 'in_progress',
        dueDate: '2026-11-01',
      }),
    ];
    expect(sortActionItems(items).map(item => item.id)).toEqual([
      'overdue',
      'open-soon',
      'open-late',
      'undated',
      'done-early',
      'wont',
    ]);
  });
});
