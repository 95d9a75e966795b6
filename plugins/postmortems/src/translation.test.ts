import { postmortemsTranslationRef } from './translation';
import ja from './translations/ja';
import { errorMessage, fieldErrorsOf } from './lib/errors';
import { formatDuration, formatRelative } from './lib/format';
import { fromDateTimeLocal, toDateTimeLocal } from './lib/datetime';
import { invalidRequestError, responseError } from './__testUtils__/fixtures';

describe('translations', () => {
  it("is named by Backstage's convention for a plugin's messages", () => {
    expect(postmortemsTranslationRef.id).toBe('plugin.postmortems');
  });

  it('has a Japanese text for every English one', () => {
    const english = (postmortemsTranslationRef as any).getDefaultMessages();
    expect(Object.keys(ja).sort()).toEqual(Object.keys(english).sort());
    // Placeholders survive translation.
    for (const [key, text] of Object.entries(english) as [string, string][]) {
      const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
      expect([key, placeholders((ja as Record<string, string>)[key])]).toEqual([
        key,
        placeholders(text),
      ]);
    }
  });

  it('ships Japanese with the translation ref', async () => {
    const resource = (postmortemsTranslationRef as any).getDefaultResource();
    expect(resource).toBeDefined();
  });
});

describe('formatting', () => {
  it('formats durations per locale', () => {
    const ms = (4 * 60 + 15) * 60_000;
    expect(formatDuration(ms, 'en')).toBe('4h 15m');
    expect(formatDuration(ms, 'ja')).toBe('4時間15分');
    expect(formatDuration(26 * 3600_000, 'en')).toBe('1d 2h');
  });

  it('formats relative times per locale', () => {
    const now = new Date('2026-11-01T00:00:00Z');
    expect(formatRelative('2026-10-29T00:00:00Z', 'en', now)).toBe(
      '3 days ago',
    );
    expect(formatRelative('2026-10-29T00:00:00Z', 'ja', now)).toBe('3 日前');
  });

  it('round-trips datetime-local values as ISO with an offset', () => {
    const iso = fromDateTimeLocal('2026-10-01T09:30');
    expect(iso).toMatch(/^2026-10-01T09:30:00[+-]\d{2}:\d{2}$/);
    expect(toDateTimeLocal(iso)).toBe('2026-10-01T09:30');
    expect(fromDateTimeLocal('')).toBeUndefined();
  });
});

describe('errors', () => {
  it('puts each field a 400 names under it, with just its own message', async () => {
    const fields = [
      'title',
      'sections',
      'sections.summary',
      'startedAt',
      'entityRefs',
    ];
    expect(
      fieldErrorsOf(
        await invalidRequestError({
          field: 'sections.summary',
          message: 'too long',
        }),
        fields,
      ),
    ).toEqual({ 'sections.summary': 'too long' });
    expect(
      fieldErrorsOf(
        await invalidRequestError(
          {
            field: 'startedAt',
            message: 'must be an ISO 8601 timestamp with offset',
          },
          { field: 'title', message: 'must not be empty' },
          { field: 'entityRefs.0', message: 'must be an entity ref' },
          { field: 'entityRefs.1', message: 'must be an entity ref too' },
        ),
        fields,
      ),
    ).toEqual({
      startedAt: 'must be an ISO 8601 timestamp with offset',
      title: 'must not be empty',
      entityRefs: 'must be an entity ref',
    });
    // Fields are data: a message that merely mentions one names none.
    expect(
      fieldErrorsOf(
        await responseError(400, 'Invalid request: startedAt: bad'),
        fields,
      ),
    ).toBeUndefined();
    expect(
      fieldErrorsOf(
        await invalidRequestError({ field: 'body', message: 'x' }),
        fields,
      ),
    ).toBeUndefined();
    expect(
      fieldErrorsOf(await responseError(409, 'title: stale'), fields),
    ).toBeUndefined();
    expect(errorMessage(new Error('plain'))).toBe('plain');
  });
});
