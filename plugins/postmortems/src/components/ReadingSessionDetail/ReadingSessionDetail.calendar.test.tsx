import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordDownloads } from '../../__testUtils__/downloads';
import {
  makeReadingSession,
  mockPostmortemsApi,
  responseError,
  SESSION_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemsApi } from '../../api';
import { ReadingSessionDetail } from './ReadingSessionDetail';

jest.setTimeout(30_000);

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

function render(overrides: Partial<PostmortemsApi> = {}) {
  const api = mockPostmortemsApi({
    getReadingSession: jest
      .fn()
      .mockResolvedValue(
        makeReadingSession({ scheduledAt: '2027-01-07T07:00:00.000Z' }),
      ),
    ...overrides,
  });
  const { alertApi } = renderScreen(<ReadingSessionDetail />, {
    api,
    mountPath: '/postmortems/reading-sessions/:sessionId',
    initialRouteEntries: [`/postmortems/reading-sessions/${SESSION_ID}`],
  });
  return { api, alertApi };
}

describe('ReadingSessionDetail, add to calendar', () => {
  const downloads = recordDownloads();

  it("downloads the session's invite through the API client", async () => {
    const { api } = render({
      getReadingSessionCalendar: jest.fn().mockResolvedValue(ICS),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add to calendar' }),
    );
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(api.getReadingSessionCalendar).toHaveBeenCalledWith(SESSION_ID, {
      language: 'en',
    });
    expect(downloads[0].filename).toBe('reading-session-2027-01-07.ics');
    expect(downloads[0].type).toBe('text/calendar;charset=utf-8');
    expect(await downloads[0].text()).toBe(ICS);
  });

  it('says so when the invite cannot be had', async () => {
    const { alertApi } = render({
      getReadingSessionCalendar: jest
        .fn()
        .mockRejectedValue(await responseError(500, 'database is down')),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add to calendar' }),
    );
    await waitFor(() =>
      expect(alertApi.getAlerts()).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(
            /^The calendar could not be downloaded: .*database is down/,
          ),
          severity: 'error',
        }),
      ]),
    );
    expect(downloads).toHaveLength(0);
  });
});
