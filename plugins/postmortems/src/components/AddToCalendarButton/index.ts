export { AddToCalendarButton } from './AddToCalendarButton';
export { downloadCalendar } from './downloadCalendar';
