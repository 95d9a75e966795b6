import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { HANAKO, validPostmortem } from '../__testUtils__/backend';
import { postmortemsPlugin } from '../plugin';

jest.setTimeout(60_000);

const TOOLS = [
  'postmortems.get-postmortem',
  'postmortems.get-reading-session-pick',
  'postmortems.list-action-items',
  'postmortems.search-postmortems',
];

/**
 * The postmortems plugin and the MCP actions plugin in one test backend, on
 * the real actions registry and actions service (the test backend's default
 * ones are in-memory mocks that serve nothing over HTTP), as the example
 * backend runs them.
 */
async function startMcpBackend(
  read: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const backend = await startTestBackend({
    features: [
      postmortemsPlugin,
      mcpActionsPlugin,
      actionsRegistryServiceFactory,
      actionsServiceFactory,
      mockServices.database.factory(),
      mockServices.permissions.factory({ result: read }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { actions: { pluginSources: ['postmortems'] } },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return { server: backend.server, base: `http://localhost:${port}` };
}

/** An MCP client connected as Hanako, the way an assistant connects. */
async function connect(base: string) {
  const client = new Client({ name: 'postmortems-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${base}/api/mcp-actions/v1`), {
      requestInit: {
        headers: { Authorization: mockCredentials.user.header(HANAKO) },
      },
    }),
  );
  return client;
}

describe('the actions over MCP', () => {
  it('lists the tools and finds a postmortem by a Japanese word', async () => {
    const { server, base } = await startMcpBackend();
    const created = await request(server)
      .post('/api/postmortems/postmortems')
      .set('Authorization', mockCredentials.user.header(HANAKO))
      .send(validPostmortem);
    expect(created.status).toBe(201);

    const client = await connect(base);
    try {
      const { tools } = await client.listTools();
      expect(tools.map(t => t.name).sort()).toEqual(TOOLS);
      const search = tools.find(
        t => t.name === 'postmortems.search-postmortems',
      )!;
      expect(search.annotations).toMatchObject({
        readOnlyHint: true,
        idempotentHint: true,
        destructiveHint: false,
      });
      expect(Object.keys(search.inputSchema.properties ?? {})).toEqual(
        expect.arrayContaining(['q', 'entityRef', 'severity', 'from', 'to']),
      );

      const result = await client.callTool({
        name: 'postmortems.search-postmortems',
        arguments: { q: '滞留' },
      });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual({
        items: [
          expect.objectContaining({
            id: created.body.id,
            title: '非同期ジョブのキュー滞留',
            entityRefs: ['component:default/seikyu-kanri-robo'],
            summary: 'キューにジョブが滞留し、処理が終わらなかった。',
            link: `http://localhost:3000/postmortems/${created.body.id}`,
          }),
        ],
        totalCount: 1,
      });

      const missing = await client.callTool({
        name: 'postmortems.search-postmortems',
        arguments: { q: 'deadlock' },
      });
      expect(missing.structuredContent).toEqual({ items: [], totalCount: 0 });
    } finally {
      await client.close();
    }
  });

  it('tells the assistant which field is wrong', async () => {
    const { base } = await startMcpBackend();
    const client = await connect(base);
    try {
      const result = await client.callTool({
        name: 'postmortems.get-postmortem',
        arguments: { id: 'INC-42' },
      });
      expect(result.isError).toBe(true);
      expect(result.content).toEqual([
        {
          type: 'text',
          text: 'InputError: Invalid request: id: must be a UUID',
        },
      ]);
    } finally {
      await client.close();
    }
  });

  it('answers a NotAllowedError when the caller may not read postmortems', async () => {
    const { base } = await startMcpBackend(AuthorizeResult.DENY);
    const client = await connect(base);
    try {
      const result = await client.callTool({
        name: 'postmortems.search-postmortems',
        arguments: { q: '滞留' },
      });
      expect(result.isError).toBe(true);
      expect(result.content).toEqual([
        {
          type: 'text',
          text: 'NotAllowedError: Not allowed: the permission postmortem.read was denied',
        },
      ]);
    } finally {
      await client.close();
    }
  });
});
