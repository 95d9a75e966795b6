export { PostmortemList } from './PostmortemList';
export { deletedPostmortemState } from './UndoDeleteAlert';
