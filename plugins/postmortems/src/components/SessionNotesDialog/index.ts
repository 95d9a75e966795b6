export { SessionNotesDialog } from './SessionNotesDialog';
