export { EntityRefPicker } from './EntityRefPicker';
