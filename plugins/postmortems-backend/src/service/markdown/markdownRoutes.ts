import {
  ActionItem,
  ImportFileResult,
  ImportedPostmortem,
  Postmortem,
  actionItemCreatePermission,
  exportMarkdownArchiveQuerySchema,
  exportMarkdownQuerySchema,
  idParamsSchema,
  importMarkdownRequestSchema,
  postmortemCreatePermission,
} from '@postmortems/backstage-plugin-postmortems-common';
import {
  ActionItemInput,
  PostmortemInput,
  PostmortemsStores,
} from '@postmortems/backstage-plugin-postmortems-node';
import archiver from 'archiver';
import { Response, Router } from 'express';
import { authorize, found, parse, principalRef } from '../requests';
import { audited } from '../audit';
import { RouteContext } from '../RouteContext';
import { exportMarkdown, markdownFileName } from './exportMarkdown';
import { Lang } from './format';
import { ReadFile, readMarkdownFile } from './importMarkdown';

/**
 * The body limit of `POST /postmortems/import`, in MB: 100 files of 256 KB,
 * JSON escaped, fit; every other route keeps the router's 1 MB.
 */
export const IMPORT_BODY_LIMIT_MB = 30;

/** The path of the import, which the router gives its own body limit. */
export const IMPORT_PATH = '/postmortems/import';

const PAGE = 100;

/** Every action item of a postmortem, page by page. */
async function allActionItems(
  stores: PostmortemsStores,
  postmortemId: string,
): Promise<ActionItem[]> {
  const items: ActionItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await stores.actionItems.listActionItems({
      postmortemId,
      limit: PAGE,
      cursor,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** `attachment` with an ASCII file name (the names we make are ASCII). */
function attachment(res: Response, type: string, fileName: string) {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The app runs on another origin in development (:3000 and :7007): the
  // browser hides the file name from it unless the header is exposed.
  const exposed = res.getHeader('Access-Control-Expose-Headers');
  res.setHeader(
    'Access-Control-Expose-Headers',
    [exposed, 'Content-Disposition'].filter(Boolean).join(', '),
  );
}

/** A live postmortem with the same title and start, for a dry run. */
async function liveDuplicate(
  stores: PostmortemsStores,
  input: PostmortemInput,
): Promise<string | undefined> {
  const at = Date.parse(input.startedAt);
  const page = await stores.postmortems.listPostmortems({
    from: new Date(at).toISOString(),
    to: new Date(at + 1).toISOString(),
    limit: PAGE,
  });
  return page.items.find(p => p.title === input.title)?.id;
}

function preview(
  input: PostmortemInput,
  actionItems: ActionItemInput[],
  id?: string,
): ImportedPostmortem {
  return {
    ...(id ? { id } : {}),
    ...input,
    actionItems,
  } as ImportedPostmortem;
}

/**
 * `GET /postmortems/:id/export.md`, `GET /postmortems/export.zip` and
 * `POST /postmortems/import`. Registered before the routes of one
 * postmortem, which would take `export.zip` for an id.
 */
export function registerMarkdownRoutes(router: Router, context: RouteContext) {
  const { stores, templates, permissions } = context;
  const templateOf = (id: string) => templates.find(t => t.id === id);
  const fileOf = async (postmortem: Postmortem, lang: Lang) =>
    exportMarkdown(
      postmortem,
      await allActionItems(stores, postmortem.id),
      templateOf(postmortem.template),
      lang,
    );

  router.get('/postmortems/export.zip', async (req, res) => {
    const {
      lang = 'en',
      entityRef,
      ...filter
    } = parse(exportMarkdownArchiveQuerySchema, req.query);
    // The first page is read before the answer starts, so that a bad
    // filter or a broken database is still a proper error response.
    let page = await stores.postmortems.listPostmortems({
      ...filter,
      entityRefs: entityRef,
      limit: PAGE,
    });
    const date = context.clock().toISOString().slice(0, 10);
    attachment(res, 'application/zip', `postmortems-${date}.zip`);
    const archive = archiver('zip', { zlib: { level: 6 } });
    archive.on('warning', error => context.logger.warn(String(error)));
    archive.pipe(res);
    const names = new Set<string>();
    try {
      for (;;) {
        for (const postmortem of page.items) {
          let length = 8;
          let name = markdownFileName(postmortem, length);
          while (names.has(name)) {
            length += 4;
            name = markdownFileName(postmortem, length);
          }
          names.add(name);
          archive.append(await fileOf(postmortem, lang), {
            name,
            date: new Date(postmortem.updatedAt),
          });
        }
        if (!page.nextCursor) {
          break;
        }
        page = await stores.postmortems.listPostmortems({
          ...filter,
          entityRefs: entityRef,
          limit: PAGE,
          cursor: page.nextCursor,
        });
      }
      await archive.finalize();
    } catch (error) {
      // The status is sent already: a cut-off answer is all that is left,
      // and an unzip tool reports it as a broken archive.
      context.logger.error(`Markdown export failed: ${error}`);
      archive.abort();
      res.destroy(error as Error);
    }
  });

  router.get('/postmortems/:id/export.md', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    const { lang = 'en' } = parse(exportMarkdownQuerySchema, req.query);
    const postmortem = found(
      await stores.postmortems.getPostmortem(id),
      'Postmortem',
      id,
    );
    const file = await fileOf(postmortem, lang);
    attachment(
      res,
      'text/markdown; charset=utf-8',
      markdownFileName(postmortem),
    );
    res.send(file);
  });

  router.post(IMPORT_PATH, async (req, res) => {
    await audited(
      context,
      req,
      res,
      {
        eventId: 'postmortem-mutate',
        actionType: 'import',
        permission: postmortemCreatePermission,
      },
      async credentials => {
        const body = parse(importMarkdownRequestSchema, req.body);
        const options = {
          templates,
          defaults: body.defaults ?? {},
          lang: body.lang ?? 'en',
        };
        const read: ReadFile[] = body.files.map(file =>
          readMarkdownFile(file.content, options),
        );
        if (read.some(r => 'actionItems' in r && r.actionItems.length > 0)) {
          await authorize(permissions, credentials, actionItemCreatePermission);
        }

        const dryRun = body.dryRun ?? false;
        const by = principalRef(credentials);
        const earlier = new Map<string, string>();
        const items: ImportFileResult[] = [];
        for (const [index, file] of body.files.entries()) {
          const result = read[index];
          if ('errors' in result) {
            items.push({
              file: file.name,
              result: 'rejected',
              errors: result.errors,
            });
            continue;
          }
          const { input, actionItems } = result;
          const key = `${Date.parse(input.startedAt)} ${input.title}`;
          const earlierFile = earlier.get(key);
          if (earlierFile !== undefined) {
            items.push({
              file: file.name,
              result: 'duplicate',
              duplicateOfFile: earlierFile,
              postmortem: preview(input, actionItems),
            });
            continue;
          }
          earlier.set(key, file.name);
          if (dryRun) {
            const duplicateOf = await liveDuplicate(stores, input);
            items.push({
              file: file.name,
              result: duplicateOf ? 'duplicate' : 'ready',
              ...(duplicateOf ? { duplicateOf } : {}),
              postmortem: preview(input, actionItems),
            });
            continue;
          }
          const outcome = await stores.postmortems.importPostmortem(
            input,
            actionItems,
            by,
          );
          items.push(
            'duplicateOf' in outcome
              ? {
                  file: file.name,
                  result: 'duplicate',
                  duplicateOf: outcome.duplicateOf,
                  postmortem: preview(input, actionItems),
                }
              : {
                  file: file.name,
                  result: 'imported',
                  postmortem: preview(
                    input,
                    actionItems,
                    outcome.postmortem.id,
                  ),
                },
          );
        }
        res.json({ dryRun, items });
        return {
          dryRun,
          imported: items.flatMap(item =>
            item.result === 'imported' && item.postmortem?.id
              ? [item.postmortem.id]
              : [],
          ),
        };
      },
    );
  });
}
