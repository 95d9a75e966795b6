import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  PostmortemTemplate,
  invalidRequest,
  postmortemReadPermission,
} from '@postmortems/backstage-plugin-postmortems-common';
import { PostmortemsStores } from '@postmortems/backstage-plugin-postmortems-node';
import express from 'express';
import Router from 'express-promise-router';
import { registerActionItemRoutes } from './actionItemsRoutes';
import { registerInsightsRoutes } from './insightsRoutes';
import {
  IMPORT_BODY_LIMIT_MB,
  IMPORT_PATH,
  registerMarkdownRoutes,
} from './markdown/markdownRoutes';
import { registerPostmortemRoutes } from './postmortemsRoutes';
import { registerReadingSessionSeriesRoutes } from './readingSessionSeriesRoutes';
import { registerReadingSessionRoutes } from './readingSessionsRoutes';
import { RouteContext } from './RouteContext';
import { authorize } from './requests';

/** What the router needs; built once by the plugin's init. */
export interface RouterOptions {
  auditor: AuditorService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  permissions: PermissionsService;
  stores: PostmortemsStores;
  templates: PostmortemTemplate[];
  /** The IANA time zone that decides the month of a reading session. */
  timezone: string;
  /** The current time; tests pin it. */
  clock?: () => Date;
  /** The app's base URL (`app.baseUrl`), for links in calendar invites. */
  appBaseUrl?: string;
}

/** The HTTP API of the postmortems plugin: parse → authorize → store → respond. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth } = options;
  const router = Router();
  // The Markdown import takes up to 100 files at once; it parses first, so
  // the 1 MB parser after it leaves its body alone.
  router.use(IMPORT_PATH, express.json({ limit: `${IMPORT_BODY_LIMIT_MB}mb` }));
  router.use(express.json({ limit: '1mb' }));

  // body-parser's own errors (malformed JSON, a body over the limit, a bad
  // charset) are plain errors with a status (400, 413, 415); as invalid
  // requests every bad input gets the same answer: a 400 that names the body.
  router.use(
    (
      error: Error & { type?: string; status?: number },
      req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => {
      if (error.status && error.status >= 400 && error.status < 500) {
        const reasons: Record<string, string> = {
          'entity.parse.failed': 'malformed JSON',
          'entity.too.large': `larger than ${
            req.path === IMPORT_PATH ? IMPORT_BODY_LIMIT_MB : 1
          } MB`,
        };
        const reason = reasons[error.type ?? ''] ?? error.message;
        next(
          invalidRequest({
            field: 'body',
            message: reason,
            code: 'malformed_body',
          }),
        );
        return;
      }
      next(error);
    },
  );

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Every other route requires Backstage credentials (a user or a service).
  router.use(async (req, res, next) => {
    res.locals.credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    next();
  });

  // Every read needs the read permission; each write checks its own below.
  router.use(async (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      await authorize(
        options.permissions,
        res.locals.credentials,
        postmortemReadPermission,
      );
    }
    next();
  });

  const context: RouteContext = {
    stores: options.stores,
    permissions: options.permissions,
    templates: options.templates,
    timezone: options.timezone,
    clock: options.clock ?? (() => new Date()),
    appBaseUrl: options.appBaseUrl ?? '',
    logger: options.logger,
    auditor: options.auditor,
    credentials: res => res.locals.credentials,
  };

  router.get('/templates', (_req, res) => {
    res.json({ items: options.templates });
  });
  registerMarkdownRoutes(router, context); // before `/postmortems/:id`
  registerPostmortemRoutes(router, context);
  registerActionItemRoutes(router, context);
  registerReadingSessionSeriesRoutes(router, context);
  registerReadingSessionRoutes(router, context);
  registerInsightsRoutes(router, context);

  return router;
}
