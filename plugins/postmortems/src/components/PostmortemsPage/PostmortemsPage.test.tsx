import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { sreBookTemplate } from '@postmortems/backstage-plugin-postmortems-common';
import { PostmortemsPage } from './PostmortemsPage';

describe('PostmortemsPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('lists the sections of the templates the backend serves', async () => {
    server.use(
      http.get('*/api/postmortems/templates', () =>
        HttpResponse.json({ items: [sreBookTemplate] }),
      ),
    );

    await renderInTestApp(<PostmortemsPage />);

    expect(await screen.findByText('Root causes')).toBeInTheDocument();
    expect(screen.getByText('Where we got lucky')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    server.use(
      http.get('*/api/postmortems/templates', () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'boom' } },
          { status: 500 },
        ),
      ),
    );

    await renderInTestApp(<PostmortemsPage />);

    expect(await screen.findByText(/boom/)).toBeInTheDocument();
  });
});
