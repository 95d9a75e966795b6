export { ReadingSessionList } from './ReadingSessionList';
