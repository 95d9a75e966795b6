import { Insights } from '@postmortems/backstage-plugin-postmortems-common';

/** At most this many owners are answered. */
const MAX_OWNERS = 50;

/** A quotient, or null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The items due within the range, and how many were closed in time. */
export function dueFigures(dueInRange: number, closedByDueDate: number) {
  return {
    dueInRange,
    closedByDueDate,
    closedByDueDateShare: share(closedByDueDate, dueInRange),
  };
}

/** The incidents of the range, and how many a held session read. */
export function readingFigures(
  postmortems: number,
  read: number,
): Insights['reading'] {
  return { postmortems, read, share: share(read, postmortems) };
}

/** Refs in code-point order, null (unassigned) last. */
export function compareRefs(a: string | null, b: string | null) {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The owners as insights answer them: those with open items first, most
 * open first, then most overdue, most closed, and by ref (unassigned
 * last); at most 50, none with nothing open and nothing closed.
 */
export function orderOwners(owners: Insights['owners']): Insights['owners'] {
  return owners
    .filter(owner => owner.open > 0 || owner.closed > 0)
    .sort(
      (a, b) =>
        b.open - a.open ||
        b.overdue - a.overdue ||
        b.closed - a.closed ||
        compareRefs(a.owner, b.owner),
    )
    .slice(0, MAX_OWNERS);
}
