export { ActionItemTable, actionItemAnchorId } from './ActionItemTable';
