import {
  ReadingSessionSuggestion,
  Severity,
  SuggestionReason,
} from '@postmortems/backstage-plugin-postmortems-common';
import { DateTime } from 'luxon';
import {
  SuggestionBound,
  SuggestionBoundCase,
  SuggestionCandidate,
  SuggestionCandidates,
  SuggestionCandidatesBatch,
} from '@postmortems/backstage-plugin-postmortems-node';

/*
 * How a postmortem earns its place in a reading session, after the SRE book
 * (§15.3): serious and long incidents, ones nobody has read together (or not
 * for a long time), ones whose action items are still open, older ones,
 * services the group has not looked at lately, and anniversaries. The
 * weights are plain numbers so the order is easy to explain and to test.
 */
const SEVERITY_POINTS: Record<Severity, number> = {
  sev1: 30,
  sev2: 20,
  sev3: 10,
  sev4: 0,
};
const NEVER_READ_POINTS = 25;
const READ_LONG_AGO_MONTHS = 12;
const READ_LONG_AGO_POINTS = 10;
// Read together in the last half year: the group still remembers it, so it
// is not suggested at all.
const READ_RECENTLY_MONTHS = 6;
const SERVICE_NOT_COVERED_POINTS = 10;
const SERVICE_COVERED_LONG_AGO_MONTHS = 6;
const SERVICE_COVERED_LONG_AGO_POINTS = 5;
const ANNIVERSARY_POINTS = 15;

function wholeMonths(from: DateTime, to: DateTime): number {
  return Math.max(0, Math.floor(to.diff(from, 'months').months));
}

// One point per half hour from an hour on, at most 20: a day-long outage is
// not worth more than a sev1.
const impactPoints = (minutes: number) =>
  minutes >= 60 ? Math.min(20, Math.floor(minutes / 30)) : 0;
const overduePoints = (count: number) => Math.min(20, count * 10);
const openPoints = (count: number) => Math.min(15, count * 5);
const agePoints = (months: number) =>
  months >= 3 ? Math.min(15, Math.floor(months / 2)) : 0;

/** A ranked candidate; the route swaps in the whole postmortem. */
export type RankedCandidate = Omit<ReadingSessionSuggestion, 'postmortem'> & {
  postmortem: SuggestionCandidate;
};

/** The points of a postmortem and why; exported for the tests. */
export function score(
  postmortem: SuggestionCandidate,
  candidates: SuggestionCandidates,
  now: DateTime,
): RankedCandidate {
  const weighed: Array<{ value: number; reason: SuggestionReason }> = [];
  let points = 0;
  const add = (value: number, reason: SuggestionReason) => {
    points += value;
    weighed.push({ value, reason });
  };

  if (SEVERITY_POINTS[postmortem.severity] > 0) {
    add(SEVERITY_POINTS[postmortem.severity], {
      code: 'severity',
      severity: postmortem.severity,
    });
  }

  const started = DateTime.fromISO(postmortem.startedAt, { zone: now.zone });
  const ended = postmortem.resolvedAt ?? postmortem.mitigatedAt;
  if (ended) {
    const minutes = Math.round(
      DateTime.fromISO(ended).diff(started, 'minutes').minutes,
    );
    if (impactPoints(minutes) > 0) {
      add(impactPoints(minutes), { code: 'long_impact', minutes });
    }
  }

  const readings = postmortem.readings ?? { count: 0 };
  if (readings.count === 0 || !readings.lastReadAt) {
    add(NEVER_READ_POINTS, { code: 'never_read' });
  } else {
    const months = wholeMonths(DateTime.fromISO(readings.lastReadAt), now);
    if (months >= READ_LONG_AGO_MONTHS) {
      add(READ_LONG_AGO_POINTS, {
        code: 'read_long_ago',
        lastReadAt: readings.lastReadAt,
        months,
      });
    }
  }

  const { open, overdue } = postmortem.actionItemCounts;
  if (overdue > 0) {
    add(overduePoints(overdue), {
      code: 'overdue_action_items',
      count: overdue,
    });
  }
  if (open > 0) {
    add(openPoints(open), { code: 'open_action_items', count: open });
  }

  const age = wholeMonths(started, now);
  if (agePoints(age) > 0) {
    add(agePoints(age), { code: 'older_incident', months: age });
  }

  for (const entityRef of postmortem.entityRefs) {
    const last = candidates.lastCoveredAt[entityRef];
    if (!last) {
      add(SERVICE_NOT_COVERED_POINTS, {
        code: 'service_not_covered',
        entityRef,
      });
      break;
    }
    const months = wholeMonths(DateTime.fromISO(last), now);
    if (months >= SERVICE_COVERED_LONG_AGO_MONTHS) {
      add(SERVICE_COVERED_LONG_AGO_POINTS, {
        code: 'service_not_covered',
        entityRef,
        months,
      });
      break;
    }
  }

  const years = now.year - started.year;
  if (years >= 1 && started.month === now.month) {
    add(ANNIVERSARY_POINTS, { code: 'anniversary', years });
  }

  // The anniversary says the age better: "2 years ago this month" needs no
  // "over 23 months old" beside it (its points still count).
  const anniversary = weighed.some(w => w.reason.code === 'anniversary');
  // Heaviest first, so a client showing a few shows those that decided the
  // rank; ties keep the order above (sort is stable).
  const reasons = weighed
    .filter(w => !(anniversary && w.reason.code === 'older_incident'))
    .sort((a, b) => b.value - a.value)
    .map(w => w.reason);
  return { postmortem, score: points, reasons };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * The most `score` can give a postmortem, without its calendar arithmetic
 * in the configured time zone (luxon's month differences are most of the
 * cost of ranking thousands of postmortems). Severity and action items are
 * exact; the rest is over-estimated from plain milliseconds, with slack for
 * rounding, short months and any zone's offset (−12 to +14 hours, and
 * Samoa's skipped day).
 */
export function upperBound(
  postmortem: SuggestionCandidate,
  now: DateTime,
): number {
  const started = Date.parse(postmortem.startedAt);
  const ended = postmortem.resolvedAt ?? postmortem.mitigatedAt;
  const { open, overdue } = postmortem.actionItemCounts;
  const readings = postmortem.readings ?? { count: 0 };
  // n calendar months from `started` are at least 28 n − 3 days later, a
  // day less where the zone moved its clock forward by a day (Samoa, 2011).
  const ageMonths = Math.floor(
    (now.toMillis() - started + 5 * DAY_MS) / (28 * DAY_MS),
  );
  // The month of `started` in any zone is its UTC month 15 hours either side.
  const anniversaryMonths = [-15, 15].map(
    hours => new Date(started + hours * 60 * MINUTE_MS).getUTCMonth() + 1,
  );
  return (
    SEVERITY_POINTS[postmortem.severity] +
    (ended ? impactPoints((Date.parse(ended) - started) / MINUTE_MS + 1) : 0) +
    (readings.count === 0 || !readings.lastReadAt
      ? NEVER_READ_POINTS
      : READ_LONG_AGO_POINTS) +
    (overdue > 0 ? overduePoints(overdue) : 0) +
    (open > 0 ? openPoints(open) : 0) +
    agePoints(ageMonths) +
    (postmortem.entityRefs.length > 0 ? SERVICE_NOT_COVERED_POINTS : 0) +
    (anniversaryMonths.includes(now.month) ? ANNIVERSARY_POINTS : 0)
  );
}

function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  return (
    b.score - a.score ||
    a.postmortem.startedAt.localeCompare(b.postmortem.startedAt) ||
    a.postmortem.id.localeCompare(b.postmortem.id)
  );
}

/**
 * The best picks for a group's next reading session, best first; the same
 * data and the same `now` always give the same list. Postmortems already
 * picked for another planned session, and those read together in the last
 * six months, are left out.
 *
 * Only the few that can reach the top are scored in full: candidates are
 * taken from the highest upper bound down, and once `limit` of them are
 * scored, one whose bound is below the `limit`-th best score cannot make the
 * list, and neither can any after it. The answer is the one scoring every
 * candidate would give.
 */
export function rankSuggestions(
  candidates: SuggestionCandidates,
  options: { now: Date; timezone: string; limit: number },
): RankedCandidate[] {
  const now = DateTime.fromJSDate(options.now, { zone: options.timezone });
  const picked = new Set(candidates.pickedForUpcoming);
  const readSince = now.minus({ months: READ_RECENTLY_MONTHS }).toMillis();
  const readRecently = (p: SuggestionCandidate) =>
    !!p.readings?.lastReadAt && Date.parse(p.readings.lastReadAt) > readSince;
  const bounded = candidates.postmortems
    .filter(p => !picked.has(p.id) && !readRecently(p))
    .map(p => ({ postmortem: p, bound: upperBound(p, now) }))
    .sort((a, b) => b.bound - a.bound);
  const scored: RankedCandidate[] = [];
  const best: number[] = []; // the `limit` highest scores so far, highest first
  for (const { postmortem, bound } of bounded) {
    if (best.length >= options.limit && bound < best[options.limit - 1]) {
      break;
    }
    const ranked = score(postmortem, candidates, now);
    scored.push(ranked);
    const at = best.findIndex(value => value < ranked.score);
    best.splice(at === -1 ? best.length : at, 0, ranked.score);
    best.length = Math.min(best.length, options.limit);
  }
  return scored.sort(compareRanked).slice(0, options.limit);
}

/**
 * The cases of a non-decreasing points function of a whole number: for each
 * value it reaches (highest first), from what number on (the first found
 * up to `max`).
 */
function steps(
  points: (n: number) => number,
  max: number,
): Array<{ from: number; points: number }> {
  const found: Array<{ from: number; points: number }> = [];
  for (let n = 0; n <= max; n++) {
    const p = points(n);
    if (p > 0 && !found.some(f => f.points === p)) {
      found.push({ from: n, points: p });
    }
  }
  return found.reverse();
}

/**
 * The most `score` can give any postmortem at `now`, as a
 * {@link SuggestionBound} the database computes from stored columns:
 * severity, open and overdue items are exact; the duration gets a minute of
 * slack for rounding, the age three days, the anniversary the months either
 * side (a zone's month is its UTC month ±15 hours); readings and the
 * group's coverage count at their most. `suggestions.test.ts` checks it is
 * never below a real score.
 */
export function suggestionBound(now: DateTime): SuggestionBound {
  const today = now.toISODate()!;
  const impact: SuggestionBoundCase[] = steps(impactPoints, 24 * 60).map(s => ({
    when: [{ field: 'impactMinutes', op: '>=', value: s.from - 1 }],
    points: s.points,
  }));
  const open: SuggestionBoundCase[] = steps(openPoints, 100).map(s => ({
    when: [{ field: 'openItems', op: '>=', value: s.from }],
    points: s.points,
  }));
  const overdue: SuggestionBoundCase[] = [
    {
      when: [{ field: 'secondOpenDue', op: '<', value: today }],
      points: overduePoints(Number.MAX_SAFE_INTEGER),
    },
    {
      when: [{ field: 'firstOpenDue', op: '<', value: today }],
      points: overduePoints(1),
    },
  ];
  const age: SuggestionBoundCase[] = steps(agePoints, 1200).map(s => ({
    when: [
      {
        field: 'startedAt',
        op: '<',
        value: now.minus({ months: s.from }).plus({ days: 3 }).toJSDate(),
      },
    ],
    points: s.points,
  }));
  const months = [-1, 0, 1].map(d => ((now.month - 1 + d + 12) % 12) + 1);
  const anniversary: SuggestionBoundCase[] = [
    {
      when: [
        { field: 'startedMonth', op: 'in', value: months },
        {
          field: 'startedAt',
          op: '<',
          value: now.startOf('year').plus({ days: 1 }).toJSDate(),
        },
      ],
      points: ANNIVERSARY_POINTS,
    },
  ];
  const severity: SuggestionBoundCase[] = Object.entries(SEVERITY_POINTS)
    .filter(([, points]) => points > 0)
    .map(([value, points]) => ({
      when: [{ field: 'severity', op: '=', value }],
      points,
    }));
  return {
    terms: [severity, impact, open, overdue, age, anniversary],
    constant:
      Math.max(NEVER_READ_POINTS, READ_LONG_AGO_POINTS) +
      Math.max(SERVICE_NOT_COVERED_POINTS, SERVICE_COVERED_LONG_AGO_POINTS),
  };
}

/** Read together after this, a postmortem is not suggested (see above). */
export function readRecentlySince(now: DateTime): Date {
  return now.minus({ months: READ_RECENTLY_MONTHS }).toJSDate();
}

/**
 * The same list as {@link rankSuggestions}, from candidates the database
 * gives in batches in the order of {@link suggestionBound} (then oldest
 * start): each is scored exactly until the next cannot beat the
 * `limit`-th best, since its bound is lower, or equal with a later start
 * (ties go to the older incident). Usually the first batch decides.
 */
export async function suggestPicks(
  batchAt: (
    offset: number,
    limit: number,
  ) => Promise<SuggestionCandidatesBatch>,
  options: { now: Date; timezone: string; limit: number; batchSize?: number },
): Promise<RankedCandidate[]> {
  const now = DateTime.fromJSDate(options.now, { zone: options.timezone });
  const batchSize = options.batchSize ?? 50;
  const best: RankedCandidate[] = [];
  for (let offset = 0; ; offset += batchSize) {
    const batch = await batchAt(offset, batchSize);
    for (const { bound, ...postmortem } of batch.postmortems) {
      const kth = best[options.limit - 1];
      if (
        kth &&
        (bound < kth.score ||
          (bound === kth.score &&
            postmortem.startedAt > kth.postmortem.startedAt))
      ) {
        return best;
      }
      best.push(score(postmortem, batch, now));
      best.sort(compareRanked);
      best.length = Math.min(best.length, options.limit);
    }
    if (!batch.more) {
      return best;
    }
  }
}
