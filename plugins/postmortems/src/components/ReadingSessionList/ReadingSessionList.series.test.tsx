import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordDownloads } from '../../__testUtils__/downloads';
import {
  makeReadingSession,
  mockPostmortemsApi,
} from '../../__testUtils__/fixtures';
import { chooseEntity } from '../../__testUtils__/pickers';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemsApi } from '../../api';
import { ReadingSessionList } from './ReadingSessionList';

jest.setTimeout(30_000);

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
const sre = makeReadingSession({
  id: 'sre',
  scheduledAt: '2099-03-05T16:00:00+09:00',
  seriesId: 'series',
});
const billing = makeReadingSession({
  id: 'billing',
  ownerGroup: 'group:default/billing-team',
  scheduledAt: '2099-03-12T16:00:00+09:00',
});
const past = makeReadingSession({
  id: 'past',
  ownerGroup: 'group:default/old-team',
  scheduledAt: '2026-10-15T16:00:00+09:00',
  status: 'held',
});

function render(overrides: Partial<PostmortemsApi> = {}) {
  const api = mockPostmortemsApi({
    listReadingSessions: jest
      .fn()
      .mockResolvedValue({ items: [billing, sre, past], totalCount: 3 }),
    ...overrides,
  });
  const { alertApi } = renderScreen(<ReadingSessionList />, {
    api,
    catalogApi: catalogApiMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'sre', namespace: 'default' },
        },
      ],
    }),
  });
  return { api, alertApi };
}

describe('ReadingSessionList, series and calendars', () => {
  const downloads = recordDownloads();

  it("downloads each group's upcoming sessions as one calendar", async () => {
    const { api } = render({
      getGroupCalendar: jest.fn().mockResolvedValue(ICS),
    });
    expect(
      await screen.findByRole('button', {
        name: 'Add the upcoming sessions of billing-team to calendar',
      }),
    ).toBeInTheDocument();
    // Only groups with upcoming sessions.
    expect(
      screen.queryByRole('button', { name: /old-team/ }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Add the upcoming sessions of sre to calendar',
      }),
    );
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(api.getGroupCalendar).toHaveBeenCalledWith('group:default/sre', {
      language: 'en',
    });
    expect(downloads[0].filename).toBe('reading-sessions-sre.ics');
    expect(await downloads[0].text()).toBe(ICS);
  });

  it('schedules a series from the list and names the skipped months', async () => {
    const created = [
      makeReadingSession({ id: 'a', seriesId: 's' }),
      makeReadingSession({ id: 'b', seriesId: 's' }),
    ];
    const { api, alertApi } = render({
      createReadingSessionSeries: jest.fn().mockResolvedValue({
        seriesId: 's',
        items: created,
        skippedMonths: ['2099-03', '2099-05'],
      }),
      getCurrentReadingSession: jest
        .fn()
        .mockResolvedValue({ session: null, timezone: 'Asia/Tokyo' }),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Schedule a series' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Schedule a series of reading sessions',
    });
    // The group is chosen in the dialog.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Schedule the series' }),
    );
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    expect(api.createReadingSessionSeries).not.toHaveBeenCalled();

    await chooseEntity(/Group/, 'sre');
    await waitFor(() =>
      expect(api.getCurrentReadingSession).toHaveBeenCalledWith(
        'group:default/sre',
      ),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Schedule the series' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.createReadingSessionSeries).toHaveBeenCalledWith(
      expect.objectContaining({
        ownerGroup: 'group:default/sre',
        months: 12,
        rule: expect.objectContaining({ timezone: 'Asia/Tokyo' }),
      }),
    );
    expect(alertApi.getAlerts()).toContainEqual(
      expect.objectContaining({
        message:
          '2 reading sessions scheduled. Skipped, as the group already meets then: 2099-03, 2099-05.',
        severity: 'success',
      }),
    );
    // The list is read again.
    await waitFor(() =>
      expect(api.listReadingSessions).toHaveBeenCalledWith({ limit: 100 }),
    );
    expect(
      (api.listReadingSessions as jest.Mock).mock.calls.filter(
        ([query]) => !query.ownerGroup,
      ),
    ).toHaveLength(2);
  });
});
