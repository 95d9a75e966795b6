export { InsightsContent } from './InsightsContent';
export type { InsightsScope } from './InsightsContent';
