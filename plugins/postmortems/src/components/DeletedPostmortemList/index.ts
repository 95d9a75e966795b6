export { DeletedPostmortemList } from './DeletedPostmortemList';
