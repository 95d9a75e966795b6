export { ScheduleSessionDialog } from './ScheduleSessionDialog';
