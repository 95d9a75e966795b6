export { PostmortemDetail } from './PostmortemDetail';
