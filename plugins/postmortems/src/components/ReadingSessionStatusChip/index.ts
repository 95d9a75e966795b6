export {
  ReadingSessionStatusChip,
  useReadingSessionStatusLabel,
} from './ReadingSessionStatusChip';
