export { DownloadButton } from './DownloadButton';
export { downloadFile } from './downloadFile';
