export { PostmortemPicker } from './PostmortemPicker';
