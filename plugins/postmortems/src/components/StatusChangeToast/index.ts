export { StatusChangeToast } from './StatusChangeToast';
