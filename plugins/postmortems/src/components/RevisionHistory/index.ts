export { RevisionHistory } from './RevisionHistory';
