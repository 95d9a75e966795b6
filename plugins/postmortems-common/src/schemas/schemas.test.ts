import { fieldErrorsOfIssues } from '../errors';
import {
  createPostmortemRequestSchema,
  incidentTimesError,
  listActionItemsQuerySchema,
  listPostmortemsQuerySchema,
  normalizeEntityRef,
  timestampSchema,
} from '.';

describe('schemas', () => {
  it('normalises entity refs and checks their kind', () => {
    expect(normalizeEntityRef('Component:Default/X')).toBe(
      'component:default/x',
    );
    expect(normalizeEntityRef('hanako.yamada', { defaultKind: 'user' })).toBe(
      'user:default/hanako.yamada',
    );
    expect(() => normalizeEntityRef('seikyu-kanri-robo')).toThrow();
    expect(() =>
      normalizeEntityRef('component:x', { kinds: ['user', 'group'] }),
    ).toThrow('must be a user or group ref');
  });

  it('accepts timestamps with an offset only, and returns UTC', () => {
    expect(timestampSchema.parse('2026-12-01T00:30:00+09:00')).toBe(
      '2026-11-30T15:30:00.000Z',
    );
    for (const bad of [
      '2026-12-01T00:30:00',
      '2026-12-01',
      '2026-02-30T00:00:00Z',
      'yesterday',
    ]) {
      expect(timestampSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('names the first incident time that goes backwards', () => {
    expect(
      incidentTimesError({
        startedAt: '2026-11-01T00:00:00Z',
        detectedAt: null,
        mitigatedAt: '2026-10-31T23:00:00Z',
      }),
    ).toEqual({
      field: 'mitigatedAt',
      message: 'must not be before startedAt',
      code: 'not_before',
      params: { field: 'startedAt' },
    });
    expect(
      incidentTimesError({
        startedAt: '2026-11-01T00:00:00Z',
        resolvedAt: '2026-11-01T00:00:00Z',
      }),
    ).toBeUndefined();
  });

  it('describes every problem with its field', () => {
    const result = createPostmortemRequestSchema.safeParse({
      title: '',
      entityRefs: ['component:default/x'],
      severity: 'sev9',
      detection: 'customer_report',
      startedAt: '2026-11-01T00:00:00Z',
      colour: 'red',
    });
    expect(result.success).toBe(false);
    expect(fieldErrorsOfIssues(result.error!.issues)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', code: 'too_small' }),
        expect.objectContaining({ field: 'severity' }),
        expect.objectContaining({ field: 'colour', code: 'unknown_field' }),
      ]),
    );
  });

  it('reads repeatable query parameters as arrays', () => {
    expect(
      listActionItemsQuerySchema.parse({
        owner: 'Group:SRE',
        status: ['open', 'in_progress'],
        overdue: 'true',
        limit: '5',
      }),
    ).toEqual({
      owner: ['group:default/sre'],
      status: ['open', 'in_progress'],
      overdue: true,
      limit: 5,
    });
  });

  it('reads the deleted flag of a postmortem list as a boolean', () => {
    expect(listPostmortemsQuerySchema.parse({ deleted: 'true' })).toEqual({
      deleted: true,
    });
    expect(listPostmortemsQuerySchema.parse({ deleted: 'false' })).toEqual({
      deleted: false,
    });
    for (const bad of ['yes', '1', 'TRUE', '', ['true', 'true']]) {
      const result = listPostmortemsQuerySchema.safeParse({ deleted: bad });
      expect(result.success).toBe(false);
      expect(fieldErrorsOfIssues(result.error!.issues)).toEqual([
        {
          field: 'deleted',
          message: 'must be true or false',
          code: 'invalid_value',
        },
      ]);
    }
  });
});
