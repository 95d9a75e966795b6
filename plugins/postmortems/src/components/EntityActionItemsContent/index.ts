export { EntityActionItemsContent } from './EntityActionItemsContent';
