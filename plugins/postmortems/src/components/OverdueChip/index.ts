export { OverdueChip } from './OverdueChip';
