import { InputError, ResponseError } from '@backstage/errors';
import { z } from 'zod';
import {
  conflictAt,
  fieldErrorsOfIssues,
  fieldErrorsOfResponse,
  invalidRequest,
} from './errors';
import { createPostmortemRequestSchema, entityRefSchema } from './schemas';

function response400(error: object) {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error, response: { statusCode: 400 } }), {
      status: 400,
      headers: { 'content-type': 'application/json' },
    }),
  );
}

describe('errors', () => {
  it('names each field in the message and carries them as data', () => {
    const error = invalidRequest(
      { field: 'startedAt', message: 'must be an ISO 8601 timestamp' },
      { field: 'sections.summary', message: 'must be at most 5 characters' },
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      'Invalid request: startedAt: must be an ISO 8601 timestamp; sections.summary: must be at most 5 characters',
    );
    expect(error.fields).toHaveLength(2);
  });

  it('turns zod issues into dotted paths, an unknown key into its own field', () => {
    const result = z
      .object({ a: z.object({ b: z.array(z.string()) }) })
      .strict()
      .safeParse({ a: { b: [1] }, extra: 1 });
    expect(fieldErrorsOfIssues(result.error!.issues)).toEqual([
      { field: 'a.b.0', message: expect.any(String), code: 'invalid_type' },
      { field: 'extra', message: 'unknown field', code: 'unknown_field' },
    ]);
    expect(fieldErrorsOfIssues(z.string().safeParse(1).error!.issues)).toEqual([
      { field: 'body', message: expect.any(String), code: 'invalid_type' },
    ]);
  });

  it('gives each field error a code to translate, with the values its message names', () => {
    const issues = createPostmortemRequestSchema.safeParse({
      title: 'x'.repeat(201),
      entityRefs: [],
      severity: 'sev2',
      detection: 'other',
      startedAt: 'yesterday',
    }).error!.issues;
    expect(fieldErrorsOfIssues(issues)).toEqual([
      expect.objectContaining({
        field: 'title',
        code: 'too_big',
        params: { maximum: 200 },
      }),
      expect.objectContaining({
        field: 'entityRefs',
        code: 'too_small',
        params: { minimum: 1 },
      }),
      {
        field: 'startedAt',
        message: 'must be an ISO 8601 timestamp with offset',
        code: 'timestamp',
      },
    ]);
    const backwards = createPostmortemRequestSchema.safeParse({
      title: 'x',
      entityRefs: ['component:default/a'],
      severity: 'sev2',
      detection: 'other',
      startedAt: '2026-11-20T10:00:00Z',
      detectedAt: '2026-11-20T09:00:00Z',
    }).error!.issues;
    expect(fieldErrorsOfIssues(backwards)).toEqual([
      {
        field: 'detectedAt',
        message: 'must not be before startedAt',
        code: 'not_before',
        params: { field: 'startedAt' },
      },
    ]);
    expect(
      fieldErrorsOfIssues(
        entityRefSchema.safeParse('not a ref').error!.issues,
      )[0],
    ).toMatchObject({
      code: 'entity_ref',
      params: { example: 'component:default/seikyu-kanri-robo' },
    });
  });

  it('reads the fields of a 400 body, and nothing of anything else', async () => {
    const fields = [{ field: 'title', message: 'must not be empty' }];
    expect(
      fieldErrorsOfResponse(
        await response400({ name: 'InputError', message: 'x', fields }),
      ),
    ).toEqual(fields);
    expect(
      fieldErrorsOfResponse(
        await response400({ name: 'InputError', message: 'title: x' }),
      ),
    ).toBeUndefined();
    expect(fieldErrorsOfResponse(new Error('title: x'))).toBeUndefined();
  });
});

describe('conflictAt', () => {
  it('is a 409 that names its fields, read only as a 409', async () => {
    const fields = [
      { field: 'scheduledAt', message: 'taken', code: 'one_per_month' },
    ];
    const error = conflictAt('the month is taken', fields[0]);
    expect(error.name).toBe('ConflictError');
    expect(error.fields).toEqual(fields);
    const response = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: error.name, message: error.message, fields },
          response: { statusCode: 409 },
        }),
        { status: 409, headers: { 'content-type': 'application/json' } },
      ),
    );
    expect(fieldErrorsOfResponse(response, 409)).toEqual(fields);
    expect(fieldErrorsOfResponse(response)).toBeUndefined();
  });
});
