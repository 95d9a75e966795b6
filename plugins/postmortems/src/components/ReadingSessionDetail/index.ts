export { ReadingSessionDetail } from './ReadingSessionDetail';
