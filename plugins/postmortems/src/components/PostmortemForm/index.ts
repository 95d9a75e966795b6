export { PostmortemForm } from './PostmortemForm';
