export {
  SuggestionReasons,
  useSuggestionReasonText,
  formatMonthsAgo,
} from './SuggestionReasons';
