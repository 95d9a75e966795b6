import {
  Postmortem,
  ReadingSessionSuggestion,
  Severity,
  SuggestionReason,
} from '@postmortems/backstage-plugin-postmortems-common';
import { DateTime } from 'luxon';
import { SuggestionCandidates } from '../database/PostmortemStore';

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
const READ_RECENTLY_PENALTY = -40;
const SERVICE_NOT_COVERED_POINTS = 10;
const SERVICE_COVERED_LONG_AGO_MONTHS = 6;
const SERVICE_COVERED_LONG_AGO_POINTS = 5;
const ANNIVERSARY_POINTS = 15;

function wholeMonths(from: DateTime, to: DateTime): number {
  return Math.max(0, Math.floor(to.diff(from, 'months').months));
}

function score(
  postmortem: Postmortem,
  candidates: SuggestionCandidates,
  now: DateTime,
): ReadingSessionSuggestion {
  const reasons: SuggestionReason[] = [];
  let points = 0;
  const add = (value: number, reason?: SuggestionReason) => {
    points += value;
    if (reason) {
      reasons.push(reason);
    }
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
    if (minutes >= 60) {
      // One point per half hour, at most 20: a day-long outage is not worth
      // more than a sev1.
      add(Math.min(20, Math.floor(minutes / 30)), {
        code: 'long_impact',
        minutes,
      });
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
    } else {
      add(READ_RECENTLY_PENALTY);
    }
  }

  const { open, overdue } = postmortem.actionItemCounts;
  if (overdue > 0) {
    add(Math.min(20, overdue * 10), {
      code: 'overdue_action_items',
      count: overdue,
    });
  }
  if (open > 0) {
    add(Math.min(15, open * 5), { code: 'open_action_items', count: open });
  }

  const age = wholeMonths(started, now);
  if (age >= 3) {
    add(Math.min(15, Math.floor(age / 2)), {
      code: 'older_incident',
      months: age,
    });
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

  return { postmortem, score: points, reasons };
}

/**
 * The best picks for a group's next reading session, best first; the same
 * data and the same `now` always give the same list. Postmortems already
 * picked for an upcoming session are left out.
 */
export function rankSuggestions(
  candidates: SuggestionCandidates,
  options: { now: Date; timezone: string; limit: number },
): ReadingSessionSuggestion[] {
  const now = DateTime.fromJSDate(options.now, { zone: options.timezone });
  const picked = new Set(candidates.pickedForUpcoming);
  return candidates.postmortems
    .filter(p => !picked.has(p.id))
    .map(p => score(p, candidates, now))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.postmortem.startedAt.localeCompare(b.postmortem.startedAt) ||
        a.postmortem.id.localeCompare(b.postmortem.id),
    )
    .slice(0, options.limit);
}
