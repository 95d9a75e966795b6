export { PostmortemViewTabs } from './PostmortemViewTabs';
