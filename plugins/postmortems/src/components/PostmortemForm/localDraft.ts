import { Draft } from './draft';

/**
 * What the writer typed and has not saved yet, kept in this browser's
 * localStorage so that leaving the form (a click on another tab, a link,
 * closing the tab) loses nothing: the form offers it back next time.
 */
export interface LocalDraft {
  draft: Draft;
  /** When it was last written, ISO. */
  savedAt: string;
  /** What the form started from: tells the writer's changes from the rest. */
  base: Draft;
}

const PREFIX = 'postmortems.draft.';

/**
 * The storage key of a form: one per postmortem being edited, one per
 * entity a new postmortem is written from.
 */
export function localDraftKey(options: {
  postmortemId?: string;
  entityRef?: string;
}): string {
  return options.postmortemId
    ? `${PREFIX}${options.postmortemId}`
    : `${PREFIX}new:${options.entityRef ?? ''}`;
}

// Storage may be full, disabled or absent (private windows, tests): a
// draft that cannot be kept is no reason for the form to fail.
function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The kept draft of a form, if any and if it still reads as one. */
export function readLocalDraft(
  key: string,
  base: Draft,
): LocalDraft | undefined {
  try {
    const value = JSON.parse(storage()?.getItem(key) ?? 'null');
    if (
      typeof value?.savedAt !== 'string' ||
      typeof value?.draft !== 'object' ||
      value.draft === null ||
      typeof value?.base !== 'object' ||
      value.base === null
    ) {
      return undefined;
    }
    // Fields added to the form since the draft was kept get the form's own.
    return {
      savedAt: value.savedAt,
      draft: { ...base, ...value.draft },
      base: { ...base, ...value.base },
    };
  } catch {
    return undefined;
  }
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Whether the kept draft holds anything the writer changed. */
export function hasChanges(kept: LocalDraft): boolean {
  return !same(kept.draft, kept.base);
}

/**
 * The kept draft put back onto the form as it is now: the fields the writer
 * changed are theirs, the others stay as `current` has them, so restoring
 * a draft written on an older version does not undo what others changed
 * since in fields the writer never touched.
 */
export function restoredDraft(kept: LocalDraft, current: Draft): Draft {
  const restored: Record<string, unknown> = { ...current };
  for (const key of Object.keys(current) as (keyof Draft)[]) {
    if (!same(kept.draft[key], kept.base[key])) restored[key] = kept.draft[key];
  }
  return restored as unknown as Draft;
}

export function writeLocalDraft(key: string, value: LocalDraft): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled: the form still works, without the safety net.
  }
}

export function removeLocalDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // As above.
  }
}
