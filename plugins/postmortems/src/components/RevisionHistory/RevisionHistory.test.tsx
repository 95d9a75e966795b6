import { PostmortemRevision } from '@postmortems/backstage-plugin-postmortems-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import {
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { RevisionHistory } from './RevisionHistory';

function revision(
  version: number,
  action: PostmortemRevision['action'],
  changedFields: string[] = [],
): PostmortemRevision {
  return {
    postmortemId: POSTMORTEM_ID,
    version,
    action,
    changedAt: '2026-10-03T10:00:00+09:00',
    changedBy: 'user:default/kenta.ito',
    changedFields,
    snapshot: {} as any,
  };
}

/** The history on a page whose postmortem is edited in place. */
const Page = () => {
  const [version, setVersion] = useState(1);
  return (
    <>
      <button type="button" onClick={() => setVersion(v => v + 1)}>
        Edit
      </button>
      <RevisionHistory postmortemId={POSTMORTEM_ID} version={version} />
    </>
  );
};

describe('RevisionHistory', () => {
  it('says who changed what, newest first, in the words of the form', async () => {
    renderScreen(<Page />, {
      api: mockPostmortemsApi({
        listRevisions: jest
          .fn()
          .mockResolvedValue([
            revision(1, 'created'),
            revision(2, 'updated', ['title', 'startedAt', 'futureField']),
            revision(3, 'deleted'),
            revision(4, 'restored'),
          ]),
      }),
    });
    await screen.findByText(/^Restored by/);
    const items = screen
      .getAllByRole('listitem')
      .map(item => item.textContent ?? '');
    expect(items.map(text => text.replace(/Version.*$/, ''))).toEqual([
      'Restored by kenta.ito',
      'Deleted by kenta.ito',
      'Changed by kenta.ito: Title, Started at, futureField',
      'Created by kenta.ito',
    ]);
    expect(items[0]).toMatch(/Version 4 · Oct 3, 2026/);
    expect(
      within(screen.getAllByRole('listitem')[0]).getByRole('link', {
        name: 'kenta.ito',
      }),
    ).toBeInTheDocument();
  });

  it('says when nothing is recorded, and reads again after an edit', async () => {
    const api = mockPostmortemsApi();
    renderScreen(<Page />, { api });
    expect(await screen.findByText('No changes recorded.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    await waitFor(() => expect(api.listRevisions).toHaveBeenCalledTimes(2));
    expect(await screen.findByText('No changes recorded.')).toBeInTheDocument();
  });

  it('shows the error of a failed load', async () => {
    renderScreen(<Page />, {
      api: mockPostmortemsApi({
        listRevisions: jest.fn().mockRejectedValue(new Error('backend down')),
      }),
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});
