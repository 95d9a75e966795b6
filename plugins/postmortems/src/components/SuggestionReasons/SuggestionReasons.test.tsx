import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityPresentationApi,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import { SuggestionReason } from '@postmortems/backstage-plugin-postmortems-common';
import { makeSuggestion } from '../../__testUtils__/fixtures';
import {
  chipReasons,
  formatMonthsAgo,
  RankHint,
  SuggestionReasonLabel,
  SuggestionReasons,
} from './SuggestionReasons';

const chips = () =>
  Array.from(document.querySelectorAll('.MuiChip-label')).map(
    chip => chip.textContent,
  );

describe('formatMonthsAgo', () => {
  it('counts months, and whole years from two years on', () => {
    expect(formatMonthsAgo(7, 'en')).toBe('7 months ago');
    expect(formatMonthsAgo(23, 'en')).toBe('23 months ago');
    expect(formatMonthsAgo(29, 'en')).toBe('2 years ago');
    expect(formatMonthsAgo(7, 'ja')).toBe('7 か月前');
  });
});

describe('SuggestionReasons', () => {
  it('says each reason in words, from the codes the API sends', async () => {
    const reasons: SuggestionReason[] = [
      { code: 'severity', severity: 'sev1' },
      { code: 'never_read' },
      { code: 'open_action_items', count: 3 },
      { code: 'overdue_action_items', count: 1 },
      { code: 'long_impact', minutes: 255 },
      { code: 'older_incident', months: 8 },
      { code: 'older_incident', months: 30 },
      { code: 'read_long_ago', lastReadAt: '2025-09-01T00:00:00Z', months: 14 },
      {
        code: 'service_not_covered',
        entityRef: 'component:default/customer-portal',
        months: 6,
      },
      {
        code: 'service_not_covered',
        entityRef: 'component:default/payment-gateway',
      },
      { code: 'anniversary', years: 2 },
      { code: 'anniversary', years: 1 },
    ];
    renderInTestApp(
      <ul>
        {reasons.map((reason, i) => (
          <li key={i}>
            <SuggestionReasonLabel reason={reason} />
          </li>
        ))}
      </ul>,
    );
    const expected = [
      'Severity: SEV1 (critical)',
      'Never read in a session',
      '3 open action items',
      '1 overdue action item',
      'Long impact: 4h 15m',
      'Over 8 months old',
      'Over 2 years old',
      'Last read 14 months ago',
      'No session on customer-portal for 6 months',
      'No session on payment-gateway yet',
      'Happened 2 years ago this month',
      'Happened 1 year ago this month',
    ];
    expect(await screen.findByText(expected[0])).toBeInTheDocument();
    expect(
      Array.from(document.querySelectorAll('li')).map(li => li.textContent),
    ).toEqual(expected);
  });

  it('shows at most three chips: no severity (the badge has it), no age beside an anniversary', async () => {
    const reasons: SuggestionReason[] = [
      { code: 'severity', severity: 'sev1' },
      { code: 'never_read' },
      { code: 'anniversary', years: 2 },
      { code: 'older_incident', months: 23 },
      { code: 'overdue_action_items', count: 1 },
      { code: 'open_action_items', count: 2 },
      { code: 'long_impact', minutes: 180 },
    ];
    expect(chipReasons(reasons).map(r => r.code)).toEqual([
      'never_read',
      'anniversary',
      'overdue_action_items',
    ]);
    renderInTestApp(<SuggestionReasons reasons={reasons} />);
    await screen.findByText('Never read in a session');
    expect(chips()).toEqual([
      'Never read in a session',
      'Happened 2 years ago this month',
      '1 overdue action item',
    ]);
  });

  it('names a service by its catalog title, not its entity name', async () => {
    // What the app's presentation API says of an entity: its title.
    const snapshot = {
      entityRef: 'component:default/seikyu-kanri-robo',
      primaryTitle: '請求管理ロボ',
    };
    const presentation: EntityPresentationApi = {
      forEntity: () => ({ snapshot, promise: Promise.resolve(snapshot) }),
    };
    renderInTestApp(
      <SuggestionReasons
        reasons={[
          {
            code: 'service_not_covered',
            entityRef: 'component:default/seikyu-kanri-robo',
          },
        ]}
      />,
      {
        apis: [[entityPresentationApiRef, presentation]],
      },
    );
    await waitFor(() =>
      expect(chips()).toEqual(['No session on 請求管理ロボ yet']),
    );
  });

  it('says in one line why the first suggestion outranks the second', async () => {
    renderInTestApp(
      <RankHint
        first={makeSuggestion({
          score: 85,
          reasons: [{ code: 'overdue_action_items', count: 3 }],
        })}
        second={makeSuggestion({ score: 60 })}
      />,
    );
    expect(
      await screen.findByText(/First with 85 points \(next: 60\); mainly:/),
    ).toHaveTextContent(
      'First with 85 points (next: 60); mainly: 3 overdue action items',
    );
  });

  it('leaves out reasons newer than this frontend', async () => {
    renderInTestApp(
      <SuggestionReasons
        reasons={[
          { code: 'never_read' },
          { code: 'from_the_future' } as unknown as SuggestionReason,
        ]}
      />,
    );
    expect(
      await screen.findByText('Never read in a session'),
    ).toBeInTheDocument();
    expect(document.querySelectorAll('.MuiChip-root')).toHaveLength(1);
  });
});
