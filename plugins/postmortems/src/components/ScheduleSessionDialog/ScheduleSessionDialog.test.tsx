import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  duplicateMonthError,
  invalidRequestError,
  makePostmortem,
  makeReadingSession,
  makeSuggestion,
  mockPostmortemsApi,
  USERS,
} from '../../__testUtils__/fixtures';
import { chooseEntity } from '../../__testUtils__/pickers';
import { renderScreen } from '../../__testUtils__/render';
import { ScheduleSessionDialog } from './ScheduleSessionDialog';

// Dialogs and autocompletes are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const pad = (n: number) => String(n).padStart(2, '0');

function render(api = mockPostmortemsApi(), ownerGroup?: string) {
  const handlers = { onClose: jest.fn(), onScheduled: jest.fn() };
  renderScreen(
    <ScheduleSessionDialog
      ownerGroup={ownerGroup}
      timezone="Asia/Tokyo"
      {...handlers}
    />,
    {
      api,
      catalogApi: catalogApiMock({
        entities: [
          ...USERS,
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'billing-team', namespace: 'default' },
          },
        ],
      }),
    },
  );
  return { api, ...handlers };
}

async function schedule() {
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(
    within(dialog).getByRole('button', { name: 'Schedule a session' }),
  );
  return dialog;
}

describe('ScheduleSessionDialog', () => {
  it('proposes a week from now at 17:00 for 30 minutes', async () => {
    render(mockPostmortemsApi(), 'group:default/sre');
    const dialog = await screen.findByRole('dialog');
    const week = new Date();
    week.setDate(week.getDate() + 7);
    expect(within(dialog).getByLabelText(/Date and time/)).toHaveValue(
      `${week.getFullYear()}-${pad(week.getMonth() + 1)}-${pad(
        week.getDate(),
      )}T17:00`,
    );
    expect(within(dialog).getByLabelText('Duration (minutes)')).toHaveValue(30);
    // The group is the card's; there is nothing to choose.
    expect(within(dialog).queryByLabelText(/^Group/)).not.toBeInTheDocument();
  });

  it("proposes the same weekday and time in the month after the group's latest session", async () => {
    // Thursday 17 December 2099, the third Thursday, 17:00 local time; a
    // cancelled one in January does not count.
    const latest = new Date(2099, 11, 17, 17, 0).toISOString();
    const api = mockPostmortemsApi({
      listReadingSessions: jest.fn().mockResolvedValue({
        items: [
          makeReadingSession({
            id: 'c',
            scheduledAt: new Date(2100, 0, 7, 17, 0).toISOString(),
            status: 'cancelled',
          }),
          makeReadingSession({ scheduledAt: latest }),
        ],
        totalCount: 2,
      }),
    });
    render(api, 'group:default/sre');
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/Date and time/)).toHaveValue(
        '2100-01-21T17:00',
      ),
    );
    expect(api.listReadingSessions).toHaveBeenCalledWith({
      ownerGroup: 'group:default/sre',
      limit: 20,
    });
  });

  it('decides the pick in advance, from the suggestions', async () => {
    const session = makeReadingSession();
    const api = mockPostmortemsApi({
      createReadingSession: jest.fn().mockResolvedValue(session),
      getReadingSessionSuggestions: jest.fn().mockResolvedValue([
        makeSuggestion({
          postmortem: makePostmortem({ id: 'p1', title: 'キュー滞留' }),
          reasons: [{ code: 'never_read' }],
        }),
      ]),
    });
    const { onScheduled } = render(api, 'group:default/sre');
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(api.getReadingSessionSuggestions).toHaveBeenCalledWith(
        'group:default/sre',
        { limit: 5 },
      ),
    );
    await userEvent.click(
      within(dialog).getByLabelText('Pick (can be chosen later)'),
    );
    const option = await screen.findByRole('option', { name: /キュー滞留/ });
    expect(option).toHaveTextContent('Never read in a session');
    await userEvent.click(option);
    await schedule();
    await waitFor(() => expect(onScheduled).toHaveBeenCalledWith(session));
    expect(api.createReadingSession).toHaveBeenCalledWith(
      expect.objectContaining({ postmortemId: 'p1' }),
    );
  });

  it('needs a group, a time and a whole number of minutes', async () => {
    const { api } = render();
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Date and time/), {
      target: { value: '' },
    });
    fireEvent.change(within(dialog).getByLabelText('Duration (minutes)'), {
      target: { value: '0' },
    });
    await schedule();
    expect(within(dialog).getAllByText('Required')).toHaveLength(2);
    expect(within(dialog).getByLabelText(/^Group/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(within(dialog).getByLabelText('Duration (minutes)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.createReadingSession).not.toHaveBeenCalled();
  });

  it('schedules the session for the chosen group and facilitator', async () => {
    const session = makeReadingSession();
    const { api, onScheduled } = render(
      mockPostmortemsApi({
        createReadingSession: jest.fn().mockResolvedValue(session),
      }),
    );
    await chooseEntity(/^Group/, 'billing-team');
    await chooseEntity(/Facilitator/, '伊藤 健太');
    fireEvent.change(screen.getByLabelText(/Date and time/), {
      target: { value: '2026-12-04T16:30' },
    });
    fireEvent.change(screen.getByLabelText('Duration (minutes)'), {
      target: { value: '45' },
    });
    await schedule();
    await waitFor(() => expect(onScheduled).toHaveBeenCalledWith(session));
    expect(api.createReadingSession).toHaveBeenCalledWith({
      ownerGroup: 'group:default/billing-team',
      scheduledAt: expect.stringMatching(/^2026-12-04T16:30:00[+-]\d\d:\d\d$/),
      durationMinutes: 45,
      facilitator: 'user:default/kenta.ito',
    });
  });

  it("shows the API's 400 under the field it names, and other errors above", async () => {
    const { onScheduled } = render(
      mockPostmortemsApi({
        createReadingSession: jest
          .fn()
          .mockRejectedValueOnce(
            await invalidRequestError({
              field: 'scheduledAt',
              message: 'must be an ISO 8601 timestamp with offset',
            }),
          )
          .mockRejectedValueOnce(await duplicateMonthError('2027-01')),
      }),
      'group:default/sre',
    );
    const dialog = await schedule();
    expect(
      await within(dialog).findByText(
        'must be an ISO 8601 timestamp with offset',
        { exact: true },
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Date and time/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    // A new session has no version to be stale: the 409 is the month guard,
    // said at the date field, with the month in the configured zone.
    fireEvent.change(within(dialog).getByLabelText(/Date and time/), {
      target: { value: '2027-01-21T17:00' },
    });
    await schedule();
    expect(
      await within(dialog).findByText(
        'This group already has a session in January 2027. Cancel that one or choose another month.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Date and time/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(
      within(dialog).queryByText('Someone else changed this in the meantime'),
    ).not.toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Schedule a session' }),
    ).toBeEnabled();
    expect(onScheduled).not.toHaveBeenCalled();
  });

  it('closes on Cancel', async () => {
    const { onClose } = render();
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
