import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeActionItem,
  makePostmortem,
  makeReadingSession,
  makeSuggestion,
  mockPostmortemsApi,
  POSTMORTEM_ID,
  responseError,
  SESSION_ID,
  USERS,
} from '../../__testUtils__/fixtures';
import { chooseEntity } from '../../__testUtils__/pickers';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemsApi } from '../../api';
import { ReadingSessionCard } from './ReadingSessionCard';

// Dialogs and autocompletes are slow to render in jsdom on a busy machine.
jest.setTimeout(60_000);

function render(api: PostmortemsApi, ownerGroup?: string) {
  renderScreen(<ReadingSessionCard ownerGroup={ownerGroup} />, {
    api,
    catalogApi: catalogApiMock({ entities: USERS }),
  });
  return api as jest.Mocked<PostmortemsApi>;
}

const PAST = '2026-01-20T17:00:00+09:00';
const FUTURE = '2099-01-20T17:00:00+09:00';

describe('ReadingSessionCard', () => {
  it('shows progress while loading', async () => {
    render(
      mockPostmortemsApi({
        getCurrentReadingSession: jest.fn(() => new Promise<never>(() => {})),
      }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error', async () => {
    render(
      mockPostmortemsApi({
        getCurrentReadingSession: jest
          .fn()
          .mockRejectedValue(new Error('backend down')),
      }),
    );
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it("shows the configured group's session, the SRE team's by default", async () => {
    const api = render(mockPostmortemsApi());
    await screen.findByText('No reading session is planned for this month.');
    expect(api.getCurrentReadingSession).toHaveBeenCalledWith(
      'group:default/sre',
    );

    const other = render(mockPostmortemsApi(), 'group:default/billing-team');
    await waitFor(() =>
      expect(other.getCurrentReadingSession).toHaveBeenCalledWith(
        'group:default/billing-team',
      ),
    );
  });

  it('schedules a session when there is none this month', async () => {
    const api = render(
      mockPostmortemsApi({
        createReadingSession: jest.fn().mockResolvedValue(makeReadingSession()),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Schedule a session' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Schedule a reading session'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Duration (minutes)')).toHaveValue(30);
    fireEvent.change(within(dialog).getByLabelText(/Date and time/), {
      target: { value: '2026-12-04T16:30' },
    });
    await chooseEntity(/Facilitator/, '伊藤 健太');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Schedule a session' }),
    );
    await waitFor(() =>
      expect(api.createReadingSession).toHaveBeenCalledWith({
        ownerGroup: 'group:default/sre',
        scheduledAt: expect.stringMatching(
          /^2026-12-04T16:30:00[+-]\d\d:\d\d$/,
        ),
        durationMinutes: 30,
        facilitator: 'user:default/kenta.ito',
      }),
    );
    await waitFor(() =>
      expect(api.getCurrentReadingSession).toHaveBeenCalledTimes(2),
    );
  });

  it('suggests three postmortems with their reasons when nothing is picked, and picks one', async () => {
    const api = render(
      mockPostmortemsApi({
        getCurrentReadingSession: jest
          .fn()
          .mockResolvedValue({ session: makeReadingSession() }),
        getReadingSessionSuggestions: jest.fn().mockResolvedValue([
          makeSuggestion({
            reasons: [
              { code: 'severity', severity: 'sev1' },
              { code: 'never_read' },
            ],
          }),
          makeSuggestion({
            postmortem: makePostmortem({
              id: 'p2',
              title: '決済APIのタイムアウト',
            }),
            reasons: [{ code: 'long_impact', minutes: 255 }],
          }),
          makeSuggestion({
            postmortem: makePostmortem({
              id: 'p3',
              title: '顧客ポータルの表示崩れ',
            }),
            reasons: [{ code: 'anniversary', years: 2 }],
          }),
        ]),
        updateReadingSession: jest
          .fn()
          .mockResolvedValue(
            makeReadingSession({ postmortemId: 'p2', version: 2 }),
          ),
      }),
    );
    expect(
      await screen.findByText('Nothing picked yet. Suggestions:'),
    ).toBeInTheDocument();
    expect(api.getReadingSessionSuggestions).toHaveBeenCalledWith(
      'group:default/sre',
      { limit: 3 },
    );
    expect(screen.getAllByTestId('reading-session-suggestion')).toHaveLength(3);
    // Each suggestion with its own reasons (their words: SuggestionReasons).
    const [first, second, third] = screen.getAllByTestId(
      'reading-session-suggestion',
    );
    expect(within(first).getByText('Never read in a session')).toBeVisible();
    expect(within(second).getByText('Long impact: 4h 15m')).toBeVisible();
    expect(
      within(third).getByText('Happened 2 years ago this month'),
    ).toBeVisible();
    expect(
      within(first).queryByText('Long impact: 4h 15m'),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Pick this: 決済APIのタイムアウト' }),
    );
    await waitFor(() =>
      expect(api.updateReadingSession).toHaveBeenCalledWith(SESSION_ID, {
        postmortemId: 'p2',
        version: 1,
      }),
    );
    await waitFor(() =>
      expect(api.getCurrentReadingSession).toHaveBeenCalledTimes(2),
    );
  });

  it('reports a conflict when someone else changed the session, and reloads', async () => {
    const api = render(
      mockPostmortemsApi({
        getCurrentReadingSession: jest
          .fn()
          .mockResolvedValue({ session: makeReadingSession() }),
        getReadingSessionSuggestions: jest
          .fn()
          .mockResolvedValue([makeSuggestion()]),
        updateReadingSession: jest
          .fn()
          .mockRejectedValue(await responseError(409, 'version conflict')),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /^Pick this/ }),
    );
    expect(
      await screen.findByText('Someone else changed this in the meantime'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Pick this/ })).toBeDisabled();
    expect(api.getCurrentReadingSession).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() =>
      expect(api.getCurrentReadingSession).toHaveBeenCalledTimes(2),
    );
    await waitFor(() =>
      expect(
        screen.queryByText('Someone else changed this in the meantime'),
      ).not.toBeInTheDocument(),
    );
  });

  it('shows the pick with its open action items and a link to read it', async () => {
    const api = render(
      mockPostmortemsApi({
        getCurrentReadingSession: jest.fn().mockResolvedValue({
          session: makeReadingSession({
            postmortemId: POSTMORTEM_ID,
            scheduledAt: FUTURE,
          }),
          postmortem: makePostmortem({
            sections: {
              summary:
                'ジョブキューが **滞留** した。\n\n請求書の発行が遅れた。\n顧客からの問い合わせで発覚。\nこの行はカードに出ない。',
            },
          }),
          actionItems: [
            makeActionItem({ overdue: true }),
            makeActionItem({ id: 'a2', title: 'Raise the vCPU limit' }),
          ],
        }),
      }),
    );
    expect(await screen.findByText("This month's pick")).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: '非同期ジョブキューの滞留で請求書発行が遅延',
      }),
    ).toHaveAttribute('href', `/postmortems/${POSTMORTEM_ID}`);
    expect(
      screen.getByRole('link', { name: /seikyu-kanri-robo/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('SEV2 (major)')).toBeInTheDocument();
    expect(screen.getByText(/^Happened .*ago\)$/)).toBeInTheDocument();
    expect(screen.getByText('滞留').tagName).toBe('STRONG');
    expect(screen.getByText(/顧客からの問い合わせで発覚/)).toBeInTheDocument();
    expect(
      screen.queryByText(/この行はカードに出ない/),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Alert on queue depth')).toBeInTheDocument();
    expect(screen.getByText('Raise the vCPU limit')).toBeInTheDocument();
    expect(screen.getByText(/^\d+ days? overdue$/)).toBeInTheDocument();
    expect(
      // MUI gives a link styled as a button the button role.
      screen.getByRole('button', { name: 'Read the postmortem' }),
    ).toHaveAttribute('href', `/postmortems/${POSTMORTEM_ID}`);
    expect(
      screen.getByRole('button', { name: 'Open the session' }),
    ).toHaveAttribute('href', `/postmortems/reading-sessions/${SESSION_ID}`);
    expect(api.getReadingSessionSuggestions).not.toHaveBeenCalled();
  });

  it('records notes and participants after the session and marks it held', async () => {
    const session = makeReadingSession({
      postmortemId: POSTMORTEM_ID,
      scheduledAt: PAST,
      version: 4,
    });
    const api = render(
      mockPostmortemsApi({
        getCurrentReadingSession: jest.fn().mockResolvedValue({
          session,
          postmortem: makePostmortem(),
          actionItems: [],
        }),
        updateReadingSession: jest
          .fn()
          .mockResolvedValue({ ...session, status: 'held', version: 5 }),
      }),
    );
    expect(
      await screen.findByText('No open action items.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Record notes' }));
    const dialog = await screen.findByRole('dialog');
    await chooseEntity(/Participants/, '小林 芽衣');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Notes/ }),
      '## 学び\n\n- 監視は **キューの深さ** で',
    );
    await userEvent.click(within(dialog).getByRole('tab', { name: 'Preview' }));
    expect(within(dialog).getByRole('heading', { name: '学び' })).toBeVisible();
    expect(within(dialog).getByText('キューの深さ').tagName).toBe('STRONG');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark as held' }),
    );
    await waitFor(() =>
      expect(api.updateReadingSession).toHaveBeenCalledWith(SESSION_ID, {
        notes: '## 学び\n\n- 監視は **キューの深さ** で',
        participants: ['user:default/mei.kobayashi'],
        status: 'held',
        version: 4,
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.getCurrentReadingSession).toHaveBeenCalledTimes(2);
  });

  it("raises an action item from the session on the pick's postmortem", async () => {
    const api = render(
      mockPostmortemsApi({
        getCurrentReadingSession: jest.fn().mockResolvedValue({
          session: makeReadingSession({ postmortemId: POSTMORTEM_ID }),
          postmortem: makePostmortem(),
          actionItems: [],
        }),
        createActionItem: jest.fn().mockResolvedValue(makeActionItem()),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Raise an action item' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      'Runbook for queue backlog',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.createActionItem).toHaveBeenCalledWith(
        POSTMORTEM_ID,
        expect.objectContaining({
          title: 'Runbook for queue backlog',
          readingSessionId: SESSION_ID,
        }),
      ),
    );
  });
});
