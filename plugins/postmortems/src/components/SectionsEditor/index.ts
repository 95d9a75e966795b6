export { SectionsEditor } from './SectionsEditor';
