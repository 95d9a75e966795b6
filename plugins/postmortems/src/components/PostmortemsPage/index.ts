export { PostmortemsPage, PostmortemsPageContent } from './PostmortemsPage';
