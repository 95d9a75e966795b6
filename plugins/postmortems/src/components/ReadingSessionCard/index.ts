export { ReadingSessionCard } from './ReadingSessionCard';
export {
  ReadingSessionCardTitle,
  DEFAULT_READING_SESSION_GROUP,
} from './ReadingSessionCardTitle';
