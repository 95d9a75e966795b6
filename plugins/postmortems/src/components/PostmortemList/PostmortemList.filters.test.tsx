import { Entity } from '@backstage/catalog-model';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import {
  makePostmortem,
  mockPostmortemsApi,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemList } from './PostmortemList';

// Tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

/** The list, and the query string it keeps its filters in. */
const ListWithUrl = (props: { entityRef?: string }) => {
  const location = useLocation();
  return (
    <>
      <output data-testid="search">{location.search}</output>
      <PostmortemList entityRef={props.entityRef} />
    </>
  );
};

const search = () => screen.getByTestId('search').textContent ?? '';

/** The text once the list has loaded (the table draws its rows again). */
async function findLoaded(text: string) {
  await waitFor(() =>
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument(),
  );
  return screen.findByText(text);
}

function component(name: string, owner?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', title: `${name} title` },
    relations: owner
      ? [{ type: 'ownedBy', targetRef: owner.toLocaleLowerCase('en-US') }]
      : [],
  };
}

const CATALOG = [
  component('billing', 'group:default/sre'),
  component('invoices', 'group:default/sre'),
  component('shop', 'group:default/web'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'sre', namespace: 'default', title: 'SRE' },
    spec: { type: 'team', children: [] },
  },
];

function render(url: string, options: { entityRef?: string } = {}) {
  const api = mockPostmortemsApi({
    listPostmortems: jest.fn().mockImplementation(async query =>
      query.status === 'draft'
        ? { items: [], totalCount: 0 }
        : {
            items: [
              makePostmortem({ entityRefs: ['component:default/billing'] }),
            ],
            totalCount: 1,
          },
    ),
  });
  renderScreen(<ListWithUrl entityRef={options.entityRef} />, {
    api,
    initialRouteEntries: [url],
    catalogApi: catalogApiMock({ entities: CATALOG }),
  });
  return api;
}

describe('PostmortemList filters', () => {
  it('reads filters and search from the URL, ignoring values it does not know', async () => {
    const api = render(
      '/?severity=sev1&detection=nonsense&q=%E6%BB%9E%E7%95%99&from=2026-09-01T00:00:00.000Z',
    );
    await waitFor(() =>
      expect(api.listPostmortems).toHaveBeenCalledWith(
        expect.objectContaining({
          severity: 'sev1',
          detection: undefined,
          q: '滞留',
          from: '2026-09-01T00:00:00.000Z',
        }),
      ),
    );
    expect(screen.getByLabelText('Search')).toHaveValue('滞留');
    expect(await screen.findByText('Since Sep 1, 2026')).toBeInTheDocument();
    await userEvent.click(screen.getByTitle('Show all dates'));
    expect(search()).not.toContain('from=');
  });

  it('puts each chosen filter and the search text into the URL, and clears them', async () => {
    const api = render('/');
    await userEvent.click(await screen.findByLabelText('Severity'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'SEV1 (critical)' }),
    );
    await waitFor(() => expect(search()).toBe('?severity=sev1'));
    fireEvent.change(screen.getByLabelText('Search'), {
      target: { value: 'queue ' },
    });
    await waitFor(() => expect(search()).toBe('?severity=sev1&q=queue'), {
      timeout: 2000,
    });
    expect(api.listPostmortems).toHaveBeenLastCalledWith(
      expect.objectContaining({ severity: 'sev1', q: 'queue' }),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(search()).toBe('');
    expect(screen.getByLabelText('Search')).toHaveValue('');
    await waitFor(() =>
      expect(api.listPostmortems).toHaveBeenLastCalledWith(
        expect.objectContaining({ severity: undefined, q: undefined }),
      ),
    );
  });

  it('offers to clear the filters when nothing matches', async () => {
    const api = render('/?status=draft');
    const emptyState = (
      await findLoaded('No postmortem matches these filters.')
    ).closest('div')!;
    await userEvent.click(
      within(emptyState).getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() =>
      expect(api.listPostmortems).toHaveBeenLastCalledWith(
        expect.objectContaining({ status: undefined }),
      ),
    );
    expect(search()).toBe('');
  });

  it('lists a team’s postmortems: those about the entities it owns', async () => {
    const api = render('/?team=group%3Adefault%2Fsre');
    await waitFor(() =>
      expect(api.listPostmortems).toHaveBeenCalledWith(
        expect.objectContaining({
          entityRef: expect.arrayContaining([
            'component:default/billing',
            'component:default/invoices',
          ]),
        }),
      ),
    );
    expect(api.listPostmortems.mock.calls[0][0]?.entityRef).toHaveLength(2);
    // The service column links each postmortem's entities.
    expect(
      await screen.findByRole('columnheader', { name: 'Service' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /billing/ }),
    ).toHaveAttribute('href', '/catalog/default/component/billing');
  });

  it('narrows a team to one service, and finds nothing for a service it does not own', async () => {
    const api = render(
      '/?team=group%3Adefault%2Fsre&service=component%3Adefault%2Fshop',
    );
    expect(
      await findLoaded('No postmortem matches these filters.'),
    ).toBeInTheDocument();
    expect(api.listPostmortems).not.toHaveBeenCalled();
  });

  it('on an entity’s tab shows neither the service column nor its filters', async () => {
    const api = render('/?severity=sev2', {
      entityRef: 'component:default/billing',
    });
    await waitFor(() =>
      expect(api.listPostmortems).toHaveBeenCalledWith(
        expect.objectContaining({
          entityRef: ['component:default/billing'],
          severity: 'sev2',
        }),
      ),
    );
    await screen.findByRole('columnheader', { name: 'Title' });
    expect(
      screen.queryByRole('columnheader', { name: 'Service' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Team')).not.toBeInTheDocument();
  });
});
