export { SeverityChip, SEVERITY_COLORS } from './SeverityChip';
