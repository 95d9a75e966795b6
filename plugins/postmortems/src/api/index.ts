export { postmortemsApiRef } from './PostmortemsApi';
export type { PostmortemsApi } from './PostmortemsApi';
export { PostmortemsClient } from './PostmortemsClient';
