export { ActionItemDialog } from './ActionItemDialog';
