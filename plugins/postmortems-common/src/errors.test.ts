import { InputError, ResponseError } from '@backstage/errors';
import { z } from 'zod';
import {
  fieldErrorsOfIssues,
  fieldErrorsOfResponse,
  invalidRequest,
} from './errors';

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
      { field: 'a.b.0', message: expect.any(String) },
      { field: 'extra', message: 'unknown field' },
    ]);
    expect(fieldErrorsOfIssues(z.string().safeParse(1).error!.issues)).toEqual([
      { field: 'body', message: expect.any(String) },
    ]);
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
