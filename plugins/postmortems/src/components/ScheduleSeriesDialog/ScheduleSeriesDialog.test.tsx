import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  invalidRequestError,
  makeReadingSession,
  mockPostmortemsApi,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { ScheduleSeriesDialog } from './ScheduleSeriesDialog';

// Dialogs are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const SRE = 'group:default/sre';
// February 2099 already has a session (the 12th, in Tokyo).
const february = makeReadingSession({
  id: 'february',
  scheduledAt: '2099-02-12T16:00:00+09:00',
});

function render(
  api = mockPostmortemsApi({
    listReadingSessions: jest
      .fn()
      .mockResolvedValue({ items: [february], totalCount: 1 }),
  }),
  props: { timezone?: string } = { timezone: 'Asia/Tokyo' },
) {
  const handlers = { onClose: jest.fn(), onScheduled: jest.fn() };
  renderScreen(
    <ScheduleSeriesDialog ownerGroup={SRE} {...props} {...handlers} />,
    { api },
  );
  return { api, ...handlers };
}

async function fillIn(dialog: HTMLElement, months: string, start: string) {
  const monthsField = within(dialog).getByLabelText('Number of months');
  await userEvent.clear(monthsField);
  await userEvent.type(monthsField, months);
  fireEvent.change(within(dialog).getByLabelText('First month'), {
    target: { value: start },
  });
}

const previewOf = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('list', { name: /It will schedule/ }))
    .getAllByRole('listitem')
    .map(item => item.textContent);

describe('ScheduleSeriesDialog', () => {
  it('previews the dates, marking the month the group already meets in, and schedules the series', async () => {
    const result = { seriesId: 's', items: [], skippedMonths: ['2099-02'] };
    const { api, onScheduled } = render(
      mockPostmortemsApi({
        listReadingSessions: jest
          .fn()
          .mockResolvedValue({ items: [february], totalCount: 1 }),
        createReadingSessionSeries: jest.fn().mockResolvedValue(result),
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Schedule a series of reading sessions',
    });
    // First Thursday, 16:00, in the configured zone, 30 minutes, 12 months.
    expect(
      within(dialog).getByLabelText('Week of the month'),
    ).toHaveTextContent('First');
    expect(within(dialog).getByLabelText('Day of the week')).toHaveTextContent(
      'Thursday',
    );
    expect(within(dialog).getByLabelText('Time')).toHaveValue('16:00');
    expect(within(dialog).getByLabelText('Time zone')).toHaveValue(
      'Asia/Tokyo',
    );
    expect(within(dialog).getByLabelText('Duration (minutes)')).toHaveValue(30);
    expect(within(dialog).getByLabelText('Number of months')).toHaveValue(12);
    await waitFor(() =>
      expect(within(dialog).getByLabelText('First month')).not.toHaveValue(''),
    );

    await fillIn(dialog, '3', '2099-01');
    await waitFor(() =>
      expect(previewOf(dialog)).toEqual([
        'Thursday, January 1, 2099 at 4:00 PM',
        'Thursday, February 5, 2099 at 4:00 PM' +
          'Skipped: the group already has a session this month',
        'Thursday, March 5, 2099 at 4:00 PM',
      ]),
    );
    expect(
      within(dialog).getByText('It will schedule 2 sessions:'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Schedule the series' }),
    );
    await waitFor(() => expect(onScheduled).toHaveBeenCalledWith(result));
    expect(api.createReadingSessionSeries).toHaveBeenCalledWith({
      ownerGroup: SRE,
      rule: {
        weekday: 'thursday',
        week: 1,
        time: '16:00',
        timezone: 'Asia/Tokyo',
      },
      months: 3,
      startMonth: '2099-01',
      durationMinutes: 30,
    });
  });

  it('takes the last Friday in the time zone chosen, defaulting to the configured one', async () => {
    const { api } = render(
      mockPostmortemsApi({
        getCurrentReadingSession: jest
          .fn()
          .mockResolvedValue({ session: null, timezone: 'Europe/Berlin' }),
        createReadingSessionSeries: jest
          .fn()
          .mockResolvedValue({ seriesId: 's', items: [], skippedMonths: [] }),
      }),
      {},
    );
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Time zone')).toHaveValue(
        'Europe/Berlin',
      ),
    );
    await userEvent.click(within(dialog).getByLabelText('Week of the month'));
    await userEvent.click(await screen.findByRole('option', { name: 'Last' }));
    await userEvent.click(within(dialog).getByLabelText('Day of the week'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Friday' }),
    );
    await fillIn(dialog, '2', '2099-03');
    // 27 March 2099 is before summer time, 24 April after it; both 16:00.
    await waitFor(() =>
      expect(previewOf(dialog)).toEqual([
        'Friday, March 27, 2099 at 4:00 PM',
        'Friday, April 24, 2099 at 4:00 PM',
      ]),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Schedule the series' }),
    );
    await waitFor(() =>
      expect(api.createReadingSessionSeries).toHaveBeenCalledWith(
        expect.objectContaining({
          rule: {
            weekday: 'friday',
            week: 'last',
            time: '16:00',
            timezone: 'Europe/Berlin',
          },
          months: 2,
          startMonth: '2099-03',
        }),
      ),
    );
  });

  it('refuses an unknown time zone and too many months before sending, and shows the API’s 400 at its field', async () => {
    const { api } = render(
      mockPostmortemsApi({
        createReadingSessionSeries: jest.fn().mockRejectedValue(
          await invalidRequestError({
            field: 'rule.time',
            message: 'must be a time of day, HH:mm',
          }),
        ),
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const zone = within(dialog).getByLabelText('Time zone');
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Asia/Tokio');
    await fillIn(dialog, '25', '2099-01');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Schedule the series' }),
    );
    expect(
      await within(dialog).findByText('Not a time zone this browser knows'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('From 1 to 24')).toBeInTheDocument();
    expect(api.createReadingSessionSeries).not.toHaveBeenCalled();

    await userEvent.clear(zone);
    await userEvent.type(zone, 'Asia/Tokyo');
    await fillIn(dialog, '12', '2099-01');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Schedule the series' }),
    );
    expect(
      await within(dialog).findByText('must be a time of day, HH:mm'),
    ).toBeInTheDocument();
  });
});
