export { ActionItemFilters } from './ActionItemFilters';
export type { OwnerOption } from './ActionItemFilters';
export { useActionItemFilters } from './useActionItemFilters';
