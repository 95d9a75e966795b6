/*
 * The templates postmortems are written in, as `GET /templates` answers.
 */

import { z } from 'zod';

const localizedText = z
  .record(z.string(), z.string())
  .describe('Language → text, e.g. `{ "en": "Summary", "ja": "サマリ" }`');

/**
 * A section of a postmortem template.
 *
 * @public
 */
export const postmortemTemplateSectionSchema = z
  .object({
    key: z
      .string()
      .describe(
        'The key under which a postmortem stores the section’s Markdown',
      ),
    title: localizedText,
    description: localizedText
      .optional()
      .describe('A hint shown while writing'),
  })
  .strict();

/**
 * A section of a postmortem template.
 *
 * @public
 */
export type PostmortemTemplateSection = z.output<
  typeof postmortemTemplateSectionSchema
>;

/**
 * A postmortem template: the sections a postmortem is written in.
 *
 * @public
 */
export const postmortemTemplateSchema = z
  .object({
    id: z.string(),
    title: localizedText,
    sections: z.array(postmortemTemplateSectionSchema),
  })
  .strict();

/**
 * A postmortem template.
 *
 * @public
 */
export type PostmortemTemplate = z.output<typeof postmortemTemplateSchema>;

/**
 * The answer of `GET /templates`: the built-in `sre-book`, then those of
 * `postmortems.templates`.
 *
 * @public
 */
export const templatesResponseSchema = z
  .object({ items: z.array(postmortemTemplateSchema) })
  .strict();

/**
 * The answer of `GET /templates`.
 *
 * @public
 */
export type TemplatesResponse = z.output<typeof templatesResponseSchema>;
