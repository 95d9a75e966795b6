export { ConflictAlert } from './ConflictAlert';
