import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { SuggestionReason } from '@postmortems/backstage-plugin-postmortems-common';
import { formatMonthsAgo, SuggestionReasons } from './SuggestionReasons';

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
    renderInTestApp(<SuggestionReasons reasons={reasons} />);
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
      Array.from(document.querySelectorAll('.MuiChip-label')).map(
        chip => chip.textContent,
      ),
    ).toEqual(expected);
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
