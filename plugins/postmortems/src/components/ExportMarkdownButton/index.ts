export { ExportMarkdownButton } from './ExportMarkdownButton';
