export { ActionItemStatusSelect } from './ActionItemStatusSelect';
