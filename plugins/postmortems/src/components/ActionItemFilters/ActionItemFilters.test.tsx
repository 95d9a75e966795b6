import { renderInTestApp } from '@backstage/frontend-test-utils';
import { getContrastRatio } from '@material-ui/core/styles';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderScreen } from '../../__testUtils__/render';
import { ActionItemFilters } from './ActionItemFilters';
import { ActionItemFilterValues } from './useActionItemFilters';

const defaults: ActionItemFilterValues = {
  status: 'overdue',
  priority: [],
  mine: false,
};

describe('ActionItemFilters', () => {
  it('shows the counts ("1000+" past the cap), and the chosen status in the primary colour at 4.5:1 or more', async () => {
    await renderInTestApp(
      <ActionItemFilters
        filters={defaults}
        onChange={jest.fn()}
        counts={{ open: '12', overdue: '3', done: '1000+' }}
        ownerOptions={[{ ref: 'group:default/sre', label: 'SRE (the team)' }]}
        showService={false}
        showMine={false}
      />,
    );
    const chosen = await screen.findByRole('button', {
      name: 'Overdue (3)',
      pressed: true,
    });
    const style = chosen.style;
    expect(style.backgroundColor).not.toBe('');
    expect(
      getContrastRatio(style.color, style.backgroundColor),
    ).toBeGreaterThanOrEqual(4.5);
    expect(
      screen.getByRole('button', { name: 'Open (12)', pressed: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Done (1000+)' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('checkbox', { name: 'Only mine' }),
    ).not.toBeInTheDocument();
  });

  it('reports each change', async () => {
    const onChange = jest.fn();
    renderScreen(
      <ActionItemFilters
        filters={{ ...defaults, status: 'open' }}
        onChange={onChange}
        showService
        showMine
      />,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Done' }));
    expect(onChange).toHaveBeenLastCalledWith({ status: 'done' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Only mine' }));
    expect(onChange).toHaveBeenLastCalledWith({ mine: true });
    await userEvent.click(screen.getByRole('button', { name: 'Priority Any' }));
    await userEvent.click(await screen.findByRole('option', { name: 'High' }));
    expect(onChange).toHaveBeenLastCalledWith({ priority: ['high'] });
    expect(
      screen.getByRole('textbox', { name: 'Service' }),
    ).toBeInTheDocument();
  });
});
