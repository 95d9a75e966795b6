import { PostmortemRevision } from '@postmortems/backstage-plugin-postmortems-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import {
  makePostmortem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { RevisionHistory } from './RevisionHistory';

function revision(
  version: number,
  action: PostmortemRevision['action'],
  changedFields: string[] = [],
  snapshot: Partial<PostmortemRevision['snapshot']> = {},
): PostmortemRevision {
  return {
    postmortemId: POSTMORTEM_ID,
    version,
    action,
    changedAt: '2026-10-03T10:00:00+09:00',
    changedBy: 'user:default/kenta.ito',
    changedFields,
    snapshot: makePostmortem(snapshot),
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
        listRevisions: jest.fn().mockResolvedValue([
          revision(1, 'created'),
          // Version 2 is not recorded: only the names of the fields are known.
          revision(3, 'updated', ['title', 'startedAt', 'futureField']),
          revision(4, 'deleted'),
          revision(5, 'restored'),
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
    expect(items[0]).toMatch(/Version 5 · Oct 3, 2026/);
    expect(
      within(screen.getAllByRole('listitem')[0]).getByRole('link', {
        name: 'kenta.ito',
      }),
    ).toBeInTheDocument();
  });

  it('shows each changed field old → new, from the version before', async () => {
    const before = {
      status: 'draft' as const,
      severity: 'sev3' as const,
      title: 'Queue backlog',
      mitigatedAt: undefined,
      sections: { summary: 'Short.', impact: 'Same.' },
      authors: ['user:default/kenta.ito'],
    };
    renderScreen(
      <RevisionHistory
        postmortemId={POSTMORTEM_ID}
        version={2}
        sectionName={key => (key === 'summary' ? 'Summary' : key)}
      />,
      {
        api: mockPostmortemsApi({
          listRevisions: jest.fn().mockResolvedValue([
            revision(1, 'created', [], before),
            revision(
              2,
              'updated',
              [
                'status',
                'severity',
                'title',
                'mitigatedAt',
                'sections',
                'authors',
              ],
              {
                ...before,
                status: 'published',
                severity: 'sev1',
                title: `Queue backlog ${'delayed every invoice '.repeat(5)}`,
                mitigatedAt: '2026-10-01T12:00:00+09:00',
                sections: { summary: 'Much longer.', impact: 'Same.' },
                authors: [
                  'user:default/kenta.ito',
                  'user:default/mei.kobayashi',
                ],
              },
            ),
          ]),
        }),
      },
    );
    await screen.findByText(/^Changed by/);
    const lines = within(screen.getAllByRole('listitem')[0])
      .getAllByRole('listitem')
      .map(item => item.textContent);
    expect(lines).toEqual([
      'Status: Draft → Published',
      'Severity: SEV3 (minor) → SEV1 (critical)',
      expect.stringMatching(
        /^Title: Queue backlog → Queue backlog delayed.{30,}…$/,
      ),
      'Mitigated at: (empty) → Oct 1, 2026, 3:00 AM',
      'Sections changed: Summary',
      'Authors: kenta.ito → kenta.ito, mei.kobayashi',
    ]);
    // The oldest version has none before it: it tells only that it was created.
    expect(screen.getByText(/^Created by/)).toBeInTheDocument();
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
