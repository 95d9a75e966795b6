export { PostmortemList } from './PostmortemList';
