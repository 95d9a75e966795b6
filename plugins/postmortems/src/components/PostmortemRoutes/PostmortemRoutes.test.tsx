import { screen } from '@testing-library/react';
import { Route } from 'react-router-dom';
import {
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemRoutes } from './PostmortemRoutes';

// Forms are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const TITLE = '非同期ジョブキューの滞留で請求書発行が遅延';

function render(path: string, api = mockPostmortemsApi()) {
  renderScreen(
    <PostmortemRoutes
      index={<p>The list</p>}
      defaultEntityRef="component:default/seikyu-kanri-robo"
    >
      <Route path="action-items" element={<p>The action items</p>} />
    </PostmortemRoutes>,
    { api, mountPath: '/postmortems', initialRouteEntries: [path] },
  );
  return api;
}

describe('PostmortemRoutes', () => {
  it('shows the index at the base path', async () => {
    render('/postmortems');
    expect(await screen.findByText('The list')).toBeInTheDocument();
  });

  it('keeps the routes it is given', async () => {
    render('/postmortems/action-items');
    expect(await screen.findByText('The action items')).toBeInTheDocument();
  });

  it('writes a new postmortem at `new`, about the default entity', async () => {
    const api = render('/postmortems/new');
    expect(await screen.findByText('New postmortem')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: /seikyu-kanri-robo/ }),
    ).toBeInTheDocument();
    expect(api.getPostmortem).not.toHaveBeenCalled();
  });

  it('shows a postmortem at its id', async () => {
    const api = render(`/postmortems/${POSTMORTEM_ID}`);
    expect(
      await screen.findByRole('heading', { name: TITLE }),
    ).toBeInTheDocument();
    expect(api.getPostmortem).toHaveBeenCalledWith(POSTMORTEM_ID);
  });

  it('edits a postmortem at <id>/edit', async () => {
    render(`/postmortems/${POSTMORTEM_ID}/edit`);
    expect(await screen.findByText('Edit postmortem')).toBeInTheDocument();
    expect(await screen.findByLabelText(/^Title/)).toHaveValue(TITLE);
  });
});
