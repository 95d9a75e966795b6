import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// A backend with only this plugin, for working on it alone:
//   yarn workspace @postmortems/backstage-plugin-postmortems-backend start
// Auth is mocked, so requests need no token:
//   curl http://localhost:7007/api/postmortems/health
const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(import('../src'));
backend.start();
