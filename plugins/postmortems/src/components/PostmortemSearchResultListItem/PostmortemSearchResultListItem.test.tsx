import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ResultHighlight } from '@backstage/plugin-search-common';
import { screen, within } from '@testing-library/react';
import LibraryBooksIcon from '@material-ui/icons/LibraryBooks';
import { PostmortemSearchResultListItem } from './PostmortemSearchResultListItem';
import { japaneseApis } from './__testUtils__/japanese';

const PRE = '<b7e1f0>';
const POST = '</b7e1f0>';

const postmortem = {
  type: 'postmortem',
  title: '請求管理ロボ: queue backlog after the nightly batch',
  text: 'Invoices were delayed for two hours. The queue backed up.',
  location: '/postmortems/pm-1',
  entityRefs: [
    'component:default/seikyu-kanri-robo',
    'component:default/payment-gateway',
  ],
  entityTitles: ['請求管理ロボ', 'Payment Gateway'],
  severity: 'sev1',
  status: 'published',
  detection: 'monitoring_alert',
  // Noon UTC: 1 October in the time zones the tests run in.
  startedAt: '2026-10-01T12:00:00Z',
  tags: ['queue'],
  openActionItems: 3,
};

const snippet = () => screen.getByTestId('search-result-snippet');

describe('PostmortemSearchResultListItem', () => {
  it('shows the title as a link, and the services, severity, status, date and open items', async () => {
    renderInTestApp(
      <PostmortemSearchResultListItem
        result={postmortem}
        icon={<LibraryBooksIcon titleAccess="postmortem icon" />}
      />,
    );
    const link = await screen.findByRole('link', {
      name: '請求管理ロボ: queue backlog after the nightly batch',
    });
    expect(link).toHaveAttribute('href', '/postmortems/pm-1');
    expect(screen.getByTitle('postmortem icon')).toBeInTheDocument();
    expect(
      screen.getByText('Service: 請求管理ロボ').closest('.MuiChip-root'),
    ).toHaveAttribute('title', 'component:default/seikyu-kanri-robo');
    expect(screen.getByText('Service: Payment Gateway')).toBeInTheDocument();
    expect(screen.getByText('SEV1 (critical)')).toBeInTheDocument();
    expect(screen.getByText('Status: Published')).toBeInTheDocument();
    expect(screen.getByText('Started: Oct 1, 2026')).toBeInTheDocument();
    expect(screen.getByText('3 open action items')).toBeInTheDocument();
    // Without a highlight, the text as it starts.
    expect(snippet()).toHaveTextContent(
      'Invoices were delayed for two hours. The queue backed up.',
    );
  });

  it('names services by their refs without catalog titles, and leaves out what is missing', async () => {
    // What an older or foreign index might hold.
    const sparse = {
      type: 'postmortem',
      title: 'Certificate expiry',
      text: 'x'.repeat(1000),
      location: '/postmortems/pm-2',
      entityRefs: ['component:default/customer-portal'],
      severity: 'sev9',
      startedAt: 'not a date',
      openActionItems: 0,
    };
    renderInTestApp(<PostmortemSearchResultListItem result={sparse} />);
    expect(
      await screen.findByText('Service: customer-portal'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^SEV/)).not.toBeInTheDocument();
    expect(screen.queryByText(/^Status:/)).not.toBeInTheDocument();
    expect(screen.queryByText(/^Started:/)).not.toBeInTheDocument();
    expect(screen.queryByText(/open action item/)).not.toBeInTheDocument();
    // The start of a long text, cut with an ellipsis.
    expect(snippet().textContent).toMatch(/^x+…$/);
    expect(snippet().textContent!.length).toBeLessThan(300);
  });

  it('highlights the matches in the title and the text', async () => {
    const highlight: ResultHighlight = {
      preTag: PRE,
      postTag: POST,
      fields: {
        title: `請求管理ロボ: ${PRE}queue${POST} backlog after the nightly batch`,
        text: `Invoices were delayed for two hours. The ${PRE}queue${POST} backed up.`,
      },
    };
    renderInTestApp(
      <PostmortemSearchResultListItem
        result={postmortem}
        highlight={highlight}
        rank={1}
      />,
    );
    const link = await screen.findByRole('link');
    expect(within(link).getByText('queue').tagName).toBe('MARK');
    expect(link).toHaveTextContent(
      '請求管理ロボ: queue backlog after the nightly batch',
    );
    expect(within(snippet()).getByText('queue').tagName).toBe('MARK');
    expect(snippet()).toHaveTextContent(
      'Invoices were delayed for two hours. The queue backed up.',
    );
    expect(snippet().textContent).not.toContain(PRE);
  });

  it('shows a match deep in a long text (Lunr highlights the whole field)', async () => {
    const opening = 'The nightly batch ran as usual and finished on time. ';
    const text = `${opening.repeat(
      40,
    )}Then the invoices queue backed up: ${PRE}滞留${POST} lasted two hours. ${'Recovery went on. '.repeat(
      40,
    )}`;
    renderInTestApp(
      <PostmortemSearchResultListItem
        result={{ ...postmortem, text: text.replace(/<\/?b7e1f0>/g, '') }}
        highlight={{ preTag: PRE, postTag: POST, fields: { text } }}
      />,
    );
    const mark = within(
      await screen.findByTestId('search-result-snippet'),
    ).getByText('滞留');
    expect(mark.tagName).toBe('MARK');
    // The window starts shortly before the match, not at the text's start.
    expect(snippet().textContent).toMatch(/^…/);
    expect(snippet().textContent!.indexOf('滞留')).toBeLessThan(100);
    expect(snippet().textContent).toMatch(/…$/);
    expect(snippet().textContent!.length).toBeLessThan(320);
  });

  it('clamps the text to the lines asked for', async () => {
    renderInTestApp(
      <PostmortemSearchResultListItem result={postmortem} lineClamp={2} />,
    );
    expect(
      (await screen.findByTestId('search-result-snippet')).style
        .webkitLineClamp,
    ).toBe('2');
  });

  it('speaks Japanese when the app does', async () => {
    renderInTestApp(<PostmortemSearchResultListItem result={postmortem} />, {
      apis: japaneseApis(),
    });
    expect(
      await screen.findByText('サービス：請求管理ロボ'),
    ).toBeInTheDocument();
    expect(screen.getByText('SEV1（致命的）')).toBeInTheDocument();
    expect(screen.getByText('ステータス：公開済み')).toBeInTheDocument();
    expect(screen.getByText('発生：2026/10/01')).toBeInTheDocument();
    expect(
      screen.getByText('未完了のアクションアイテム 3 件'),
    ).toBeInTheDocument();
  });

  it('renders nothing without a result', async () => {
    renderInTestApp(
      <div data-testid="frame">
        <PostmortemSearchResultListItem />
      </div>,
    );
    expect(await screen.findByTestId('frame')).toBeEmptyDOMElement();
  });
});
