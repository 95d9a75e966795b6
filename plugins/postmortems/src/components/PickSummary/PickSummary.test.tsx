import { screen } from '@testing-library/react';
import { makePostmortem, POSTMORTEM_ID } from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PickSummary, summaryExcerpt } from './PickSummary';

describe('summaryExcerpt', () => {
  it('keeps the first three lines that have text', () => {
    const postmortem = makePostmortem({
      sections: { summary: 'One\n\n  \nTwo  \nThree\nFour' },
    });
    expect(summaryExcerpt(postmortem)).toBe('One\nTwo\nThree');
  });

  it('cuts a long summary with an ellipsis, and is empty without one', () => {
    const long = `${'word '.repeat(100)}`;
    const excerpt = summaryExcerpt(
      makePostmortem({ sections: { summary: long } }),
    );
    expect(excerpt.endsWith('word…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(281);
    expect(summaryExcerpt(makePostmortem({ sections: {} }))).toBe('');
  });
});

describe('PickSummary', () => {
  it('links the title and shows severity, services and when it happened', async () => {
    renderScreen(
      <PickSummary
        postmortem={makePostmortem({
          readings: { count: 2, lastReadAt: '2026-11-20T17:00:00+09:00' },
        })}
      />,
    );
    expect(
      await screen.findByRole('link', {
        name: '非同期ジョブキューの滞留で請求書発行が遅延',
      }),
    ).toHaveAttribute('href', `/postmortems/${POSTMORTEM_ID}`);
    expect(screen.getByText('SEV2 (major)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /seikyu-kanri-robo/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Happened Oct 1, 2026 \(/)).toBeInTheDocument();
    expect(
      screen.getByText('Read 2 times, most recently Nov 20, 2026'),
    ).toBeInTheDocument();
    // Lists show no summary.
    expect(screen.queryByText(/ジョブキューが/)).not.toBeInTheDocument();
  });

  it('shows the start of the summary as Markdown on the card', async () => {
    renderScreen(<PickSummary postmortem={makePostmortem()} withSummary />);
    expect((await screen.findByText('滞留')).tagName).toBe('STRONG');
    expect(screen.queryByText(/^Read \d/)).not.toBeInTheDocument();
  });
});
