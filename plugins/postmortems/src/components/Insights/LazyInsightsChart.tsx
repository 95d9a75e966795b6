import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { lazy, Suspense } from 'react';
import { postmortemsTranslationRef } from '../../translation';
import { InsightsDataset } from './dataset';

/*
 * recharts (and the d3 modules under it) is fetched when the first chart
 * is shown, as a chunk of its own: neither the app's first load nor the
 * postmortem lists carry it.
 */
const InsightsChart = lazy(() =>
  import('./InsightsChart').then(m => ({ default: m.InsightsChart })),
);

/** A dataset's chart, with a progress bar while the chart code loads. */
export const LazyInsightsChart = (props: { dataset: InsightsDataset }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return (
    <Suspense fallback={<Progress aria-label={t('insights.loadingChart')} />}>
      <InsightsChart dataset={props.dataset} />
    </Suspense>
  );
};
