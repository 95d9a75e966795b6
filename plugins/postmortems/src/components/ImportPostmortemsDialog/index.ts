export { ImportPostmortemsDialog } from './ImportPostmortemsDialog';
