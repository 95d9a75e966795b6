export {
  SuggestionReasons,
  SuggestionReasonLabel,
  RankHint,
  chipReasons,
  useSuggestionReasonText,
  formatMonthsAgo,
} from './SuggestionReasons';
