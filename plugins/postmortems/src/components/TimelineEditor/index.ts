export { TimelineEditor } from './TimelineEditor';
export type { TimelineEntryDraft } from './TimelineEditor';
