/*
 * Postmortems as Markdown files: the query of the exports and the body and
 * answer of the import. The file format itself (YAML front matter, then the
 * sections under their template titles, the timeline and the action items)
 * is described in the backend's README.
 */

import { z } from 'zod';
import { fieldErrorSchema } from '../errors';
import {
  ACTION_ITEM_KINDS,
  ACTION_ITEM_STATUSES,
  DETECTIONS,
  POSTMORTEM_STATUSES,
  PRIORITIES,
  SEVERITIES,
} from '../enums';
import {
  checkRange,
  dedupe,
  entityRefSchema,
  entityRefValue,
  text,
  timestampSchema,
  timestampValue,
  userRefSchema,
} from './fields';
import { listPostmortemsQuerySchema } from './postmortems';

/**
 * The languages a Markdown export writes its headings in.
 *
 * @public
 */
export const MARKDOWN_LANGUAGES = ['en', 'ja'] as const;

/**
 * At most this many files per import request.
 *
 * @public
 */
export const MAX_IMPORT_FILES = 100;

/**
 * At most this many bytes (UTF-8) per imported file: 256 KB.
 *
 * @public
 */
export const MAX_IMPORT_FILE_BYTES = 256 * 1024;

// Also in the browser (the import dialog checks before it uploads): no Buffer.
function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

const langSchema = z
  .enum(MARKDOWN_LANGUAGES)
  .describe('The language of the headings: `en` (default) or `ja`');

/**
 * The query of `GET /postmortems/:id/export.md`.
 *
 * @public
 */
export const exportMarkdownQuerySchema = z
  .object({ lang: langSchema.optional() })
  .strict();

/**
 * The query of `GET /postmortems/:id/export.md`.
 *
 * @public
 */
export type ExportMarkdownQuery = z.output<typeof exportMarkdownQuerySchema>;

// The zip holds every postmortem the filters match, so paging is not asked.
const {
  cursor: _cursor,
  limit: _limit,
  ...listFilters
} = listPostmortemsQuerySchema.shape;

/**
 * The query of `GET /postmortems/export.zip`: the filters of
 * `GET /postmortems` (without paging) and the language.
 *
 * @public
 */
export const exportMarkdownArchiveQuerySchema = z
  .object({ ...listFilters, lang: langSchema.optional() })
  .strict()
  .superRefine(checkRange);

/**
 * The query of `GET /postmortems/export.zip`.
 *
 * @public
 */
export type ExportMarkdownArchiveQuery = z.output<
  typeof exportMarkdownArchiveQuerySchema
>;

/**
 * One Markdown file to import.
 *
 * @public
 */
export const markdownFileSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { message: 'must not be empty' })
      .max(255, { message: 'must be at most 255 characters' })
      .describe('The file name, used in the answer to name the file'),
    content: z
      .string()
      .refine(s => utf8Length(s) <= MAX_IMPORT_FILE_BYTES, {
        message: `must be at most ${MAX_IMPORT_FILE_BYTES / 1024} KB`,
        params: { code: 'too_big', maximum: MAX_IMPORT_FILE_BYTES },
      })
      .describe('The Markdown, at most 256 KB (UTF-8)'),
  })
  .strict();

/**
 * One Markdown file to import.
 *
 * @public
 */
export type MarkdownFile = z.output<typeof markdownFileSchema>;

/**
 * What an imported file that lacks a field gets (plain Markdown has no
 * entities, severity …); front matter wins over these.
 *
 * @public
 */
export const importDefaultsSchema = z
  .object({
    entityRefs: z
      .array(entityRefSchema)
      .min(1, { message: 'must name at least one entity' })
      .max(50)
      .transform(dedupe)
      .optional(),
    status: z.enum(POSTMORTEM_STATUSES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    detection: z.enum(DETECTIONS).optional(),
    startedAt: timestampSchema.optional(),
    template: z.string().min(1).max(64).optional(),
    tags: z.array(text(100)).max(50).transform(dedupe).optional(),
    authors: z.array(userRefSchema).max(50).transform(dedupe).optional(),
  })
  .strict();

/**
 * What an imported file that lacks a field gets.
 *
 * @public
 */
export type ImportDefaults = z.input<typeof importDefaultsSchema>;

/**
 * The body of `POST /postmortems/import`.
 *
 * @public
 */
export const importMarkdownRequestSchema = z
  .object({
    files: z
      .array(markdownFileSchema)
      .min(1, { message: 'must hold at least one file' })
      .max(MAX_IMPORT_FILES, {
        message: `must hold at most ${MAX_IMPORT_FILES} files`,
      }),
    dryRun: z
      .boolean()
      .optional()
      .describe('`true`: check and preview every file, write nothing'),
    lang: langSchema
      .optional()
      .describe(
        'The language whose headings are tried first; English and Japanese headings are always recognised',
      ),
    defaults: importDefaultsSchema.optional(),
  })
  .strict();

/**
 * The body of `POST /postmortems/import`.
 *
 * @public
 */
export type ImportMarkdownRequest = z.input<typeof importMarkdownRequestSchema>;

/**
 * What a file becomes (in a dry run) or became: the postmortem as it is
 * written, with its action items; `id` once it is imported.
 *
 * @public
 */
export const importedPostmortemSchema = z
  .object({
    id: z.string().meta({ format: 'uuid' }).optional(),
    title: z.string(),
    entityRefs: z.array(entityRefValue),
    status: z.enum(POSTMORTEM_STATUSES),
    severity: z.enum(SEVERITIES),
    detection: z.enum(DETECTIONS),
    startedAt: timestampValue,
    detectedAt: timestampValue.nullable().optional(),
    mitigatedAt: timestampValue.nullable().optional(),
    resolvedAt: timestampValue.nullable().optional(),
    template: z.string(),
    sections: z.record(z.string(), z.string()),
    timeline: z.array(
      z.object({ at: timestampValue, text: z.string() }).strict(),
    ),
    tags: z.array(z.string()),
    authors: z.array(entityRefValue),
    actionItems: z.array(
      z
        .object({
          title: z.string(),
          description: z.string().nullable().optional(),
          owner: entityRefValue.nullable().optional(),
          dueDate: z.string().meta({ format: 'date' }).nullable().optional(),
          status: z.enum(ACTION_ITEM_STATUSES).optional(),
          priority: z.enum(PRIORITIES).optional(),
          kind: z.enum(ACTION_ITEM_KINDS).optional(),
          externalUrl: z.string().nullable().optional(),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * What a file becomes or became.
 *
 * @public
 */
export type ImportedPostmortem = z.output<typeof importedPostmortemSchema>;

/**
 * The outcome of importing one file.
 *
 * @public
 */
export const importFileResultSchema = z
  .object({
    file: z.string().describe('The name of the file'),
    result: z
      .enum(['imported', 'ready', 'duplicate', 'rejected'])
      .describe(
        '`ready`: would be imported (dry run); `duplicate`: a live postmortem (or an earlier file of the request) has the same title and start, nothing written; `rejected`: see `errors`, nothing written',
      ),
    postmortem: importedPostmortemSchema.optional(),
    errors: z
      .array(fieldErrorSchema)
      .optional()
      .describe(
        'Why the file was rejected, per field of the file (`severity`, `sections.summary`, `actionItems.0.dueDate`, `frontMatter` …)',
      ),
    duplicateOf: z
      .string()
      .meta({ format: 'uuid' })
      .optional()
      .describe('The live postmortem the file duplicates'),
    duplicateOfFile: z
      .string()
      .optional()
      .describe('The earlier file of the request the file duplicates'),
  })
  .strict();

/**
 * The outcome of importing one file.
 *
 * @public
 */
export type ImportFileResult = z.output<typeof importFileResultSchema>;

/**
 * The answer of `POST /postmortems/import`: one result per file, in the
 * order of the request.
 *
 * @public
 */
export const importMarkdownResponseSchema = z
  .object({
    dryRun: z.boolean(),
    items: z.array(importFileResultSchema),
  })
  .strict();

/**
 * The answer of `POST /postmortems/import`.
 *
 * @public
 */
export type ImportMarkdownResponse = z.output<
  typeof importMarkdownResponseSchema
>;
