export { GroupPostmortemsContent } from './GroupPostmortemsContent';
