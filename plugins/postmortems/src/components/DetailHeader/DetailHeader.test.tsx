import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { DetailHeader } from './DetailHeader';

describe('DetailHeader', () => {
  it('heads the page with the title, goes back one level, and carries the actions', async () => {
    renderInTestApp(
      <DetailHeader
        title="Queue backlog"
        subtitle={<span>Last updated today</span>}
        actions={<button type="button">Edit</button>}
      />,
      {
        mountPath: '/postmortems/:postmortemId',
        initialRouteEntries: ['/postmortems/p1'],
      },
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Queue backlog' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Last updated today')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    // MUI gives a link styled as a button the button role.
    expect(screen.getByRole('button', { name: 'Back' })).toHaveAttribute(
      'href',
      '/postmortems',
    );
  });
});
