import { identityApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, TestApiProvider } from '@backstage/frontend-test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import {
  invalidRequestError,
  makePostmortem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { postmortemsApiRef } from '../../api';
import { usePostmortemDraft } from './usePostmortemDraft';

function render(
  api = mockPostmortemsApi(),
  options: { postmortemId?: string; defaultEntityRef?: string } = {},
) {
  const callbacks = { onCreated: jest.fn(), onUpdated: jest.fn() };
  const wrapper = (props: { children: ReactNode }) => (
    <TestApiProvider
      apis={[
        [postmortemsApiRef, api],
        [
          identityApiRef,
          mockApis.identity({ userEntityRef: 'user:default/hanako.yamada' }),
        ],
        mockApis.translation(),
        mockApis.error(),
      ]}
    >
      {props.children}
    </TestApiProvider>
  );
  const { result } = renderHook(
    () => usePostmortemDraft({ ...options, ...callbacks }),
    { wrapper },
  );
  return { api, result, ...callbacks };
}

async function loaded(result: { current: { loading: boolean } }) {
  await waitFor(() => expect(result.current.loading).toBe(false));
}

describe('usePostmortemDraft', () => {
  it('starts a new postmortem by the signed-in writer about the given entity', async () => {
    const { result, api } = render(mockPostmortemsApi(), {
      defaultEntityRef: 'component:default/x',
    });
    await loaded(result);
    expect(result.current.draft).toMatchObject({
      entityRefs: ['component:default/x'],
      authors: ['user:default/hanako.yamada'],
    });
    expect(result.current.template.id).toBe('sre-book');
    expect(api.getPostmortem).not.toHaveBeenCalled();
  });

  it('falls back to the built-in template when the API lists none', async () => {
    const { result } = render(
      mockPostmortemsApi({ listTemplates: jest.fn().mockResolvedValue([]) }),
    );
    await loaded(result);
    expect(result.current.templates.map(t => t.id)).toEqual(['sre-book']);
  });

  it('checks the required fields before asking the API', async () => {
    const { result, api } = render();
    await loaded(result);
    await act(() => result.current.save());
    expect(result.current.fieldErrors).toEqual({
      title: 'Required',
      entityRefs: 'Required',
      startedAt: 'Required',
    });
    expect(result.current.formError).toBe(
      'Please correct the highlighted fields.',
    );
    expect(api.createPostmortem).not.toHaveBeenCalled();
  });

  it('creates the postmortem and hands it on', async () => {
    const created = makePostmortem({ id: 'new-id' });
    const { result, api, onCreated } = render(
      mockPostmortemsApi({
        createPostmortem: jest.fn().mockResolvedValue(created),
      }),
      { defaultEntityRef: 'component:default/x' },
    );
    await loaded(result);
    act(() => {
      result.current.set('title', 'Queue backlog');
      result.current.set('startedAt', '2026-10-01T09:00');
    });
    await act(() => result.current.save());
    expect(onCreated).toHaveBeenCalledWith(created);
    expect(api.createPostmortem).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Queue backlog' }),
    );
    expect(result.current.saving).toBe(false);
  });

  it("puts a 400 about a section under that section's field", async () => {
    const { result, onUpdated } = render(
      mockPostmortemsApi({
        updatePostmortem: jest.fn().mockRejectedValue(
          await invalidRequestError({
            field: 'sections.summary',
            message: 'must be at most 20000 characters',
          }),
        ),
      }),
      { postmortemId: POSTMORTEM_ID },
    );
    await loaded(result);
    act(() => result.current.set('title', 'New title'));
    await act(() => result.current.save());
    expect(result.current.fieldErrors).toEqual({
      'sections.summary': 'must be at most 20000 characters',
    });
    expect(result.current.formError).toBe(
      'Please correct the highlighted fields.',
    );
    expect(onUpdated).not.toHaveBeenCalled();
  });

  it('reports a failed load', async () => {
    const { result } = render(
      mockPostmortemsApi({
        getPostmortem: jest.fn().mockRejectedValue(new Error('backend down')),
      }),
      { postmortemId: POSTMORTEM_ID },
    );
    await waitFor(() =>
      expect(result.current.loadError?.message).toBe('backend down'),
    );
  });
});
