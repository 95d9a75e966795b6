export { PostmortemRoutes } from './PostmortemRoutes';
