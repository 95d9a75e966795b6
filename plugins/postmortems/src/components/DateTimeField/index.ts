export { DateTimeField } from './DateTimeField';
