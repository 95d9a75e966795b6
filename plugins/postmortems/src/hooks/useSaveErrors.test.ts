import { errorApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, TestApiProvider } from '@backstage/frontend-test-utils';
import { act, renderHook as render } from '@testing-library/react';
import { createElement, ReactNode } from 'react';
import { invalidRequestError, responseError } from '../__testUtils__/fixtures';
import { useFieldErrorText, useSaveErrors } from './useSaveErrors';

const FIELDS = ['title', 'dueDate'] as const;

/** Renders the hook where it finds the translations (English, the default). */
function renderHook<T>(hook: () => T) {
  const errorApi = { post: jest.fn(), error$: jest.fn() };
  return render(hook, {
    wrapper: ({ children }: { children: ReactNode }) =>
      createElement(TestApiProvider, {
        apis: [mockApis.translation(), [errorApiRef, errorApi]],
        children,
      }),
  });
}

describe('useSaveErrors', () => {
  it('shows a 409 as a conflict to reload', async () => {
    const { result } = renderHook(() => useSaveErrors({ fields: FIELDS }));
    const error = await responseError(409, 'version 3 is stale');
    act(() => {
      expect(result.current.fail(error)).toBe('conflict');
    });
    expect(result.current.conflict).toBe(true);
    expect(result.current.formError).toBeUndefined();
  });

  it('shows a 409 as a message where there is no version to be stale', async () => {
    const { result } = renderHook(() =>
      useSaveErrors({ fields: FIELDS, conflicts: false }),
    );
    const error = await responseError(409, 'already planned');
    act(() => {
      expect(result.current.fail(error)).toBe('form');
    });
    expect(result.current.conflict).toBe(false);
    expect(result.current.formError).toBe('already planned');
  });

  it('puts a 400 under the fields it names, and anything else above the form', async () => {
    const { result } = renderHook(() => useSaveErrors({ fields: FIELDS }));
    const invalid = await invalidRequestError(
      { field: 'dueDate', message: 'must be a date' },
      { field: 'owner', message: 'unknown' },
    );
    act(() => {
      expect(result.current.fail(invalid)).toBe('fields');
    });
    expect(result.current.fieldErrors).toEqual({ dueDate: 'must be a date' });
    expect(result.current.formError).toBeUndefined();

    act(() => {
      expect(result.current.fail(new Error('backend down'))).toBe('form');
    });
    expect(result.current.formError).toBe('backend down');
  });

  it('says the API’s field errors in the reader’s words by their code, or keeps the API’s text', async () => {
    const { result } = renderHook(() => useSaveErrors({ fields: FIELDS }));
    const invalid = await invalidRequestError(
      {
        field: 'dueDate',
        message: 'must be a date as YYYY-MM-DD',
        code: 'date',
      },
      {
        field: 'title',
        message: 'must be at most 300 characters',
        code: 'too_big',
        params: { maximum: 300 },
      },
    );
    act(() => {
      result.current.fail(invalid);
    });
    expect(result.current.fieldErrors).toEqual({
      dueDate: 'Enter a date',
      title: 'At most 300 characters',
    });

    const text = renderHook(() => useFieldErrorText()).result.current;
    expect(
      text({
        field: 'detectedAt',
        message: 'must not be before startedAt',
        code: 'not_before',
        params: { field: 'startedAt' },
      }),
    ).toBe('Must not be before “Started at”');
    expect(
      text({
        field: 'title',
        message: 'must not be empty',
        code: 'too_small',
        params: { minimum: 1 },
      }),
    ).toBe('Required');
    expect(
      text({ field: 'x', message: 'something new', code: 'brand_new' }),
    ).toBe('something new');
  });

  it('forgets all of it before the next attempt', async () => {
    const { result } = renderHook(() => useSaveErrors({ fields: FIELDS }));
    const conflict = await responseError(409, 'stale');
    const invalid = await invalidRequestError({
      field: 'title',
      message: 'empty',
    });
    act(() => {
      result.current.fail(conflict);
      result.current.fail(invalid);
      result.current.setFormError('Please correct the highlighted fields.');
    });
    expect(result.current.conflict).toBe(true);
    act(() => result.current.clear());
    expect(result.current).toMatchObject({
      conflict: false,
      formError: undefined,
      fieldErrors: {},
    });
  });
});
