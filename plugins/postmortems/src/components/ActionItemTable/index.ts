export { ActionItemTable } from './ActionItemTable';
