export { PostmortemActionItems } from './PostmortemActionItems';
