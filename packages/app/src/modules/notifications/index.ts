export { notificationsModule } from './notificationsModule';
