import { screen } from '@testing-library/react';
import {
  makePostmortem,
  makeReadingSession,
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemsApi } from '../../api';
import { ReadingSessionCard } from './ReadingSessionCard';

// The card when this month has no session (or its one is over): the next
// planned one, e.g. of a series scheduled a year ahead.

jest.setTimeout(30_000);

function render(overrides: Partial<PostmortemsApi>) {
  const api = mockPostmortemsApi(overrides);
  renderScreen(<ReadingSessionCard />, { api });
  return api;
}

const next = makeReadingSession({
  id: 'next-id',
  scheduledAt: '2099-01-01T16:00:00+09:00',
  seriesId: 'series',
  postmortemId: POSTMORTEM_ID,
});

describe('ReadingSessionCard, the next session', () => {
  it('shows the next planned session and its pick when this month has none', async () => {
    const api = render({
      getCurrentReadingSession: jest
        .fn()
        .mockResolvedValue({ session: null, timezone: 'Asia/Tokyo', next }),
      getPostmortem: jest
        .fn()
        .mockResolvedValue(makePostmortem({ title: 'DNS の設定ミス' })),
    });
    expect(
      await screen.findByText('No reading session is planned for this month.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Next session: /)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'DNS の設定ミス' }),
    ).toHaveAttribute('href', `/postmortems/${POSTMORTEM_ID}`);
    expect(
      screen.getByRole('button', { name: 'Open the session' }),
    ).toHaveAttribute('href', '/postmortems/reading-sessions/next-id');
    // This month can still get one.
    expect(
      screen.getByRole('button', { name: 'Schedule a session' }),
    ).toBeInTheDocument();
    expect(api.getPostmortem).toHaveBeenCalledWith(POSTMORTEM_ID);
    expect(
      screen.queryByText(/Thirty minutes a month/),
    ).not.toBeInTheDocument();
  });

  it('says when the next one has no pick yet', async () => {
    render({
      getCurrentReadingSession: jest.fn().mockResolvedValue({
        session: null,
        next: { ...next, postmortemId: undefined },
      }),
    });
    expect(await screen.findByText(/Not picked yet/)).toBeInTheDocument();
  });

  it("links the API's next session after this month's held one, not the farthest of a series", async () => {
    const held = makeReadingSession({ status: 'held' });
    const api = render({
      getCurrentReadingSession: jest
        .fn()
        .mockResolvedValue({ session: held, next }),
    });
    expect(
      await screen.findByRole('link', { name: /^Next session: / }),
    ).toHaveAttribute('href', '/postmortems/reading-sessions/next-id');
    expect(api.listReadingSessions).not.toHaveBeenCalled();
  });

  it('without a next from the API, takes the soonest later session of the newest few', async () => {
    const session = makeReadingSession();
    const later = (id: string, scheduledAt: string) =>
      makeReadingSession({ id, scheduledAt });
    render({
      getCurrentReadingSession: jest.fn().mockResolvedValue({ session }),
      listReadingSessions: jest.fn().mockResolvedValue({
        items: [
          later('far', '2027-03-18T17:00:00+09:00'),
          later('soon', '2026-12-17T17:00:00+09:00'),
          session,
        ],
        totalCount: 3,
      }),
    });
    expect(
      await screen.findByRole('link', { name: /^Next session: / }),
    ).toHaveAttribute('href', '/postmortems/reading-sessions/soon');
  });
});
