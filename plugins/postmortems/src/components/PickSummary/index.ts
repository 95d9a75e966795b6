export { PickSummary, summaryExcerpt } from './PickSummary';
