import { makePostmortem } from '../../__testUtils__/fixtures';
import { changedFields, draftOf, emptyDraft, requestOf } from './draft';

describe('draft', () => {
  it('starts a new postmortem about the entity, by the writer, in the default template', () => {
    expect(
      emptyDraft({
        entityRef: 'component:default/x',
        author: 'user:default/hanako.yamada',
      }),
    ).toMatchObject({
      entityRefs: ['component:default/x'],
      authors: ['user:default/hanako.yamada'],
      status: 'draft',
      template: 'sre-book',
      startedAt: '',
      timeline: [],
    });
    expect(emptyDraft({})).toMatchObject({ entityRefs: [], authors: [] });
  });

  it('turns a postmortem into the form and back without changes', () => {
    const postmortem = makePostmortem();
    const draft = draftOf(postmortem);
    expect(draft.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const request = requestOf(draft);
    expect(new Date(request.startedAt).getTime()).toBe(
      new Date(postmortem.startedAt).getTime(),
    );
    expect(request.sections).toEqual(postmortem.sections);
    expect(changedFields(requestOf(draftOf(postmortem)), request)).toEqual({});
  });

  it('sends cleared times as null, leaves out empty sections and timeline rows, keeps half-written rows for the check', () => {
    const draft = {
      ...draftOf(makePostmortem()),
      title: '  Queue backlog  ',
      resolvedAt: '',
      sections: { summary: 'It backed up.', impact: '  ' },
      timeline: [
        { at: '2026-10-01T09:00', text: ' Jobs queue up ' },
        { at: '', text: 'No time' },
        { at: '2026-10-01T10:00', text: '   ' },
        { at: '', text: '  ' },
      ],
    };
    const request = requestOf(draft);
    expect(request.title).toBe('Queue backlog');
    expect(request.resolvedAt).toBeNull();
    expect(request.sections).toEqual({ summary: 'It backed up.' });
    expect(request.timeline).toEqual([
      {
        at: expect.stringMatching(/^2026-10-01T09:00:00[+-]\d\d:\d\d$/),
        text: 'Jobs queue up',
      },
      { at: '', text: 'No time' },
      {
        at: expect.stringMatching(/^2026-10-01T10:00:00[+-]\d\d:\d\d$/),
        text: '',
      },
    ]);
  });

  it('names only what changed', () => {
    const before = requestOf(draftOf(makePostmortem()));
    const after = {
      ...before,
      title: 'New title',
      tags: ['batch'],
      sections: { ...before.sections, summary: 'Rewritten' },
    };
    expect(changedFields(before, after)).toEqual({
      title: 'New title',
      sections: after.sections,
    });
  });
});
