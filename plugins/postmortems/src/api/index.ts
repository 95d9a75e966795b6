export { postmortemsApiRef } from './PostmortemsApi';
export type { DownloadedFile, PostmortemsApi } from './PostmortemsApi';
export { PostmortemsClient } from './PostmortemsClient';
