import { useCallback, useEffect, useState } from 'react';
import { Draft } from './draft';
import {
  hasChanges,
  LocalDraft,
  readLocalDraft,
  removeLocalDraft,
  restoredDraft,
  writeLocalDraft,
} from './localDraft';

/**
 * Keeps the form's unsaved changes in this browser while the writer types,
 * and offers the ones kept from an earlier visit back until the writer
 * restores or discards them (nothing is kept over them meanwhile).
 */
export function useLocalDraft(options: {
  /** See `localDraftKey`. */
  storageKey: string;
  /** What the form (re)started from; undefined while loading. */
  base?: Draft;
  draft?: Draft;
  /** Whether the writer has changed anything since the form (re)started. */
  touched: boolean;
}) {
  const { storageKey, base, draft, touched } = options;
  const [kept, setKept] = useState<LocalDraft>();

  useEffect(() => {
    if (!base) return;
    const stored = readLocalDraft(storageKey, base);
    setKept(stored && hasChanges(stored) ? stored : undefined);
  }, [storageKey, base]);

  useEffect(() => {
    if (!touched || !draft || !base || kept) return;
    const value = { draft, base, savedAt: new Date().toISOString() };
    if (hasChanges(value)) writeLocalDraft(storageKey, value);
    else removeLocalDraft(storageKey);
  }, [storageKey, base, draft, touched, kept]);

  /** Forgets the kept draft: it was saved, discarded or cancelled. */
  const forget = useCallback(() => {
    removeLocalDraft(storageKey);
    setKept(undefined);
  }, [storageKey]);

  return {
    /** The draft from an earlier visit, on offer. */
    kept,
    /** The form's draft with the kept changes put back. */
    restore: (current: Draft): Draft => {
      setKept(undefined);
      return kept ? restoredDraft(kept, current) : current;
    },
    forget,
  };
}
