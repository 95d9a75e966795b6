import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { sreBookTemplate } from '@postmortems/backstage-plugin-postmortems-common';

/** What the router needs; built once by the plugin's init. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  logger: LoggerService;
}

/** The HTTP API of the postmortems plugin. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth } = options;
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Every other route requires Backstage credentials (a user or a service).
  router.use(async (req, _res, next) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    next();
  });

  router.get('/templates', (_req, res) => {
    res.json({ items: [sreBookTemplate] });
  });

  return router;
}
