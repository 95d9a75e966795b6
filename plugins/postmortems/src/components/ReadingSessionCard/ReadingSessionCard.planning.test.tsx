import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makePostmortem,
  makeReadingSession,
  makeSuggestion,
  mockPostmortemsApi,
  POSTMORTEM_ID,
  SESSION_ID,
  USERS,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemsApi } from '../../api';
import { ReadingSessionCard } from './ReadingSessionCard';

// Preparing the next session from the card: scheduling it, changing the
// pick, replacing a deleted one, and "Mark as held" only from its day on.

// Dialogs and autocompletes are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

function render(overrides: Partial<PostmortemsApi>) {
  const api = mockPostmortemsApi(overrides);
  renderScreen(<ReadingSessionCard />, {
    api,
    catalogApi: catalogApiMock({ entities: USERS }),
  });
  return api;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localValue = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(
    d.getHours(),
  )}:${pad(d.getMinutes())}`;

const suggestions = [
  makeSuggestion({
    postmortem: makePostmortem({ id: 'p2', title: '決済APIのタイムアウト' }),
    score: 72,
    reasons: [
      { code: 'severity', severity: 'sev2' },
      { code: 'overdue_action_items', count: 2 },
      { code: 'never_read' },
    ],
  }),
  makeSuggestion({
    postmortem: makePostmortem({ id: 'p3', title: '顧客ポータルの表示崩れ' }),
    score: 40,
  }),
];

describe('ReadingSessionCard, preparing the next session', () => {
  it("schedules the next session, proposing the month after this month's", async () => {
    // Thursday 19 November 2099, 17:00 local time: the third Thursday.
    const session = makeReadingSession({
      scheduledAt: new Date(2099, 10, 19, 17, 0).toISOString(),
      status: 'held',
    });
    const api = render({
      getCurrentReadingSession: jest
        .fn()
        .mockResolvedValue({ session, timezone: 'Asia/Tokyo' }),
      listReadingSessions: jest
        .fn()
        .mockResolvedValue({ items: [session], totalCount: 1 }),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Schedule the next session' }),
    );
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/Date and time/)).toHaveValue(
        localValue(new Date(2099, 11, 17, 17, 0)),
      ),
    );
    expect(api.listReadingSessions).toHaveBeenCalledWith({
      ownerGroup: 'group:default/sre',
      limit: 5,
    });
  });

  it('links the next session instead once it is planned', async () => {
    const session = makeReadingSession();
    const next = makeReadingSession({
      id: 'next-id',
      scheduledAt: '2026-12-17T17:00:00+09:00',
    });
    render({
      getCurrentReadingSession: jest.fn().mockResolvedValue({ session }),
      listReadingSessions: jest.fn().mockResolvedValue({
        items: [next, session],
        totalCount: 2,
      }),
    });
    expect(
      await screen.findByRole('link', { name: /^Next session: / }),
    ).toHaveAttribute('href', '/postmortems/reading-sessions/next-id');
    expect(
      screen.queryByRole('button', { name: 'Schedule the next session' }),
    ).not.toBeInTheDocument();
  });

  it('changes the pick from the suggestions, with a hint why the first is first', async () => {
    const session = makeReadingSession({ postmortemId: POSTMORTEM_ID });
    const api = render({
      getCurrentReadingSession: jest.fn().mockResolvedValue({
        session,
        postmortem: makePostmortem(),
        actionItems: [],
      }),
      getReadingSessionSuggestions: jest.fn().mockResolvedValue(suggestions),
      updateReadingSession: jest.fn().mockResolvedValue(session),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Change pick' }),
    );
    expect(await screen.findByText('Choose another pick:')).toBeInTheDocument();
    expect(screen.getByTestId('rank-hint')).toHaveTextContent(
      'First with 72 points (next: 40); mainly: Severity: SEV2 (major)',
    );
    const [first] = screen.getAllByTestId('reading-session-suggestion');
    // The severity is the badge's, not a chip of its own.
    expect(
      within(first)
        .getAllByText(/./, { selector: '.MuiChip-label' })
        .map(chip => chip.textContent),
    ).toEqual([
      'SEV2 (major)',
      '2 overdue action items',
      'Never read in a session',
    ]);
    await userEvent.click(
      screen.getByRole('button', { name: 'Pick this: 決済APIのタイムアウト' }),
    );
    await waitFor(() =>
      expect(api.updateReadingSession).toHaveBeenCalledWith(SESSION_ID, {
        postmortemId: 'p2',
        version: 1,
      }),
    );
  });

  it('says that the pick was deleted and offers others in its place', async () => {
    render({
      getCurrentReadingSession: jest.fn().mockResolvedValue({
        session: makeReadingSession({ postmortemId: 'deleted-id' }),
      }),
      getReadingSessionSuggestions: jest.fn().mockResolvedValue(suggestions),
    });
    expect(
      await screen.findByText('The pick was deleted.'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('The pick was deleted. Choose another:'),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('reading-session-suggestion')).toHaveLength(2);
    expect(screen.queryByText(/deleted-id/)).not.toBeInTheDocument();
  });

  it('offers "Mark as held" only from the session’s day on', async () => {
    render({
      getCurrentReadingSession: jest.fn().mockResolvedValue({
        session: makeReadingSession({
          postmortemId: POSTMORTEM_ID,
          scheduledAt: '2099-01-20T17:00:00+09:00',
        }),
        postmortem: makePostmortem(),
        actionItems: [],
        timezone: 'Asia/Tokyo',
      }),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Record notes' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/^Can be marked as held from /),
    ).toBeInTheDocument();
    expect(
      within(dialog).queryByRole('button', { name: 'Mark as held' }),
    ).not.toBeInTheDocument();
  });
});
