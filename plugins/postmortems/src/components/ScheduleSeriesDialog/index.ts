export { ScheduleSeriesDialog } from './ScheduleSeriesDialog';
