export { postmortemsApiRef } from './PostmortemsApi';
export type {
  PostmortemsApi,
  ListReadingSessionsQuery,
} from './PostmortemsApi';
export { PostmortemsClient } from './PostmortemsClient';
