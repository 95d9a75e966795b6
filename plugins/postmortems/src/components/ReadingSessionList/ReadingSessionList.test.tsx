import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeActionItem,
  makePostmortem,
  makeReadingSession,
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { ReadingSessionList, splitSessions } from './ReadingSessionList';

jest.setTimeout(30_000);

const upcoming = makeReadingSession({
  id: 'upcoming',
  scheduledAt: '2099-03-19T17:00:00+09:00',
  facilitator: 'user:default/kenta.ito',
});
const held = makeReadingSession({
  id: 'held',
  scheduledAt: '2026-10-15T16:00:00+09:00',
  status: 'held',
  postmortemId: POSTMORTEM_ID,
  participants: ['user:default/mei.kobayashi', 'user:default/taro.suzuki'],
  notes: '## 話したこと\n\n- **キューの深さ** を監視する',
});

describe('ReadingSessionList', () => {
  it('splits upcoming sessions (soonest first) from past ones (latest first)', () => {
    const now = new Date('2026-11-20T08:10:00Z');
    const running = makeReadingSession({
      id: 'running',
      scheduledAt: '2026-11-20T08:00:00Z',
    });
    const later = makeReadingSession({
      id: 'later',
      scheduledAt: '2026-12-01T08:00:00Z',
    });
    const missed = makeReadingSession({
      id: 'missed',
      scheduledAt: '2026-09-01T08:00:00Z',
    });
    const cancelled = makeReadingSession({
      id: 'cancelled',
      status: 'cancelled',
      scheduledAt: '2026-12-02T08:00:00Z',
    });
    const cancelledBefore = makeReadingSession({
      id: 'cancelled-before',
      status: 'cancelled',
      scheduledAt: '2026-10-02T08:00:00Z',
    });
    const { upcoming: u, past: p } = splitSessions(
      [missed, later, cancelled, running, cancelledBefore],
      now,
    );
    // A cancelled session still ahead is not "past": it stays in its place
    // among the upcoming ones, marked cancelled.
    expect(u.map(s => s.id)).toEqual(['running', 'later', 'cancelled']);
    expect(p.map(s => s.id)).toEqual(['cancelled-before', 'missed']);
  });

  it('says that a pick was deleted instead of showing its id', async () => {
    const api = mockPostmortemsApi({
      listReadingSessions: jest.fn().mockResolvedValue({
        items: [makeReadingSession({ postmortemId: 'deleted-id' })],
        totalCount: 1,
      }),
      getPostmortem: jest.fn().mockRejectedValue(new Error('not found')),
    });
    renderScreen(<ReadingSessionList />, { api });
    expect(
      await screen.findByText('The pick was deleted.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/deleted-id/)).not.toBeInTheDocument();
  });

  it('lists upcoming and past sessions with pick, people, notes and raised action items', async () => {
    const api = mockPostmortemsApi({
      listReadingSessions: jest
        .fn()
        .mockResolvedValue({ items: [held, upcoming], totalCount: 2 }),
      getPostmortem: jest.fn().mockResolvedValue(makePostmortem()),
      listReadingSessionActionItems: jest.fn(async (id: string) =>
        id === 'held'
          ? {
              items: [makeActionItem({ title: 'Runbook for the queue' })],
              totalCount: 1,
            }
          : { items: [], totalCount: 0 },
      ),
    });
    renderScreen(<ReadingSessionList />, { api });

    expect(
      await screen.findByRole('heading', { name: 'Upcoming' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Past' })).toBeInTheDocument();
    const [first, second] = screen.getAllByTestId('reading-session-item');
    // Upcoming first.
    expect(within(first).getByText('Planned')).toBeInTheDocument();
    expect(within(first).getByText('Not picked yet')).toBeInTheDocument();
    expect(within(first).getByText('No notes yet.')).toBeInTheDocument();
    expect(within(first).getByText('Nobody recorded')).toBeInTheDocument();
    expect(
      within(first).getByRole('link', { name: /kenta\.ito/ }),
    ).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: /2099/ })).toHaveAttribute(
      'href',
      '/postmortems/reading-sessions/upcoming',
    );

    expect(within(second).getByText('Held')).toBeInTheDocument();
    expect(
      within(second).getByRole('link', {
        name: '非同期ジョブキューの滞留で請求書発行が遅延',
      }),
    ).toHaveAttribute('href', `/postmortems/${POSTMORTEM_ID}`);
    expect(
      within(second).getByRole('link', { name: /mei\.kobayashi/ }),
    ).toBeInTheDocument();
    expect(
      within(second).getByRole('heading', { name: '話したこと' }),
    ).toBeInTheDocument();
    expect(within(second).getByText('キューの深さ').tagName).toBe('STRONG');
    expect(
      within(second).getByText(/Runbook for the queue/),
    ).toBeInTheDocument();
    expect(api.getPostmortem).toHaveBeenCalledTimes(1);
  });

  it('says when there are no sessions, and schedules one for a chosen group', async () => {
    const api = mockPostmortemsApi({
      createReadingSession: jest.fn().mockResolvedValue(makeReadingSession()),
    });
    renderScreen(<ReadingSessionList />, { api });
    expect(
      await screen.findByText('No session is planned.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No session has been held yet.'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Schedule a session' }),
    );
    const dialog = await screen.findByRole('dialog');
    // Without a group, the dialog asks for one.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Schedule a session' }),
    );
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    expect(api.createReadingSession).not.toHaveBeenCalled();
    expect(within(dialog).getByLabelText(/Group/)).toBeInTheDocument();
  });

  it('shows an error', async () => {
    renderScreen(<ReadingSessionList />, {
      api: mockPostmortemsApi({
        listReadingSessions: jest.fn().mockRejectedValue(new Error('down')),
      }),
    });
    expect((await screen.findAllByText(/down/)).length).toBeGreaterThan(0);
  });
});

describe('reading sessions in the page', () => {
  it('has a Reading sessions tab that routes to the list', async () => {
    const { PostmortemsPageContent } = await import('../PostmortemsPage');
    renderScreen(<PostmortemsPageContent />, {
      mountPath: '/postmortems/*',
      initialRouteEntries: ['/postmortems/reading-sessions'],
    });
    expect(
      await screen.findByRole('tab', { name: 'Reading sessions' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(
      await screen.findByText('No session is planned.'),
    ).toBeInTheDocument();
  });
});
