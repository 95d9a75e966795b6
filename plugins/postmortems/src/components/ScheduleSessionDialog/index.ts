export { ScheduleSessionDialog } from './ScheduleSessionDialog';
export { isDuplicateMonth, useDuplicateMonthText } from './duplicateMonth';
