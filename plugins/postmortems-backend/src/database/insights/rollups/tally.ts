import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { NO_DUE_DATE } from '../../rows';

/*
 * What one postmortem counts for in the rollups of insights (see the
 * migration `20261203000001_insights_rollups.js`): its facts, turned into
 * keys of the zone's calendar and added to a tally. The same tally serves
 * a write (what a change adds and takes away), the build (every
 * postmortem, a batch at a time) and a team's correction (a postmortem
 * about two of the team's entities counted once).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Zone offsets change on the quarter hour at the finest. */
const QUARTER_HOUR_MS = 900_000;

/** The key columns of each rollup after `scope`, in primary-key order. */
export const ROLLUP_KEYS = {
  // Per dimension: 'severity' and 'detection' (their value, '' for none),
  // and 'read' ('1') for the incidents a held session read.
  insights_incidents: ['month', 'dimension', 'value'],
  insights_durations: ['month', 'measure', 'minutes'],
  insights_item_months: ['month', 'kind'],
  insights_item_closings: ['month', 'owner', 'days'],
  insights_open_days: ['day'],
  insights_open_owners: ['owner'],
  insights_open_dues: ['day', 'owner'],
  insights_entity_incidents: ['month'],
  insights_owner_overdue: ['owner'],
  insights_overdue: [],
  insights_pair_members: ['postmortem_id'],
  insights_due_months: ['month', 'met'],
  insights_due_days: ['day', 'met'],
} as const;

/** A rollup table. */
export type RollupTable = keyof typeof ROLLUP_KEYS;

/** A key's values after `scope`: strings, and whole numbers for counts. */
export type KeyValue = string | number;

export const ROLLUP_TABLES = Object.keys(ROLLUP_KEYS) as RollupTable[];

/** The facts of an action item that insights count. */
export interface ItemFacts {
  owner: string | null;
  createdAt: number;
  completedAt: number | null;
  isOpen: boolean;
  /** `YYYY-MM-DD`, or `NO_DUE_DATE`. */
  dueKey: string;
}

/** The facts of a postmortem that insights count, with its items'. */
export interface PostmortemFacts {
  id: string;
  /** Not deleted: a deleted postmortem and its items count for nothing. */
  live: boolean;
  startedAt: number;
  severity: string | null;
  detection: string | null;
  detectedAt: number | null;
  resolvedAt: number | null;
  entityRefs: string[];
  /** Picked by a reading session that was held. */
  wasRead: boolean;
  items: ItemFacts[];
}

/**
 * Counts per table and key (`JSON.stringify([scope, ...keys])`); a change
 * is the tally after it minus the one before, keys at 0 dropped.
 */
export class Tally {
  readonly tables = new Map<RollupTable, Map<string, number>>();

  add(table: RollupTable, key: KeyValue[], n: number) {
    let counts = this.tables.get(table);
    if (!counts) {
      counts = new Map();
      this.tables.set(table, counts);
    }
    const k = JSON.stringify(key);
    const sum = (counts.get(k) ?? 0) + n;
    if (sum === 0) {
      counts.delete(k);
    } else {
      counts.set(k, sum);
    }
  }

  /** Every other tally's counts added, times `weight`. */
  merge(other: Tally, weight = 1) {
    for (const [table, counts] of other.tables) {
      for (const [k, n] of counts) {
        this.add(table, JSON.parse(k), n * weight);
      }
    }
  }

  /** The rows of a table: key values and count. */
  *rows(table: RollupTable): Iterable<{ key: KeyValue[]; n: number }> {
    for (const [k, n] of this.tables.get(table) ?? []) {
      yield { key: JSON.parse(k), n };
    }
  }

  get size(): number {
    let size = 0;
    for (const counts of this.tables.values()) size += counts.size;
    return size;
  }
}

/**
 * The zone's calendar day of an instant, `YYYY-MM-DD`, remembered per
 * quarter hour (a build converts a million timestamps).
 */
export class ZoneDays {
  private readonly days = new Map<number, string>();
  private readonly dueEnds = new Map<string, number>();

  constructor(readonly timezone: string) {}

  dayOf(ms: number): string {
    const slot = Math.floor(ms / QUARTER_HOUR_MS);
    let day = this.days.get(slot);
    if (day === undefined) {
      day = DateTime.fromMillis(slot * QUARTER_HOUR_MS, {
        zone: this.timezone,
      }).toFormat('yyyy-MM-dd');
      this.days.set(slot, day);
    }
    return day;
  }

  monthOf(ms: number): string {
    return this.dayOf(ms).slice(0, 7);
  }

  /** When a due day (`YYYY-MM-DD`) ends in the zone, epoch ms. */
  dueDayEnd(day: string): number {
    let end = this.dueEnds.get(day);
    if (end === undefined) {
      end = DateTime.fromISO(day, { zone: this.timezone })
        .plus({ days: 1 })
        .toMillis();
      this.dueEnds.set(day, end);
    }
    return end;
  }
}

/** The scope of two entities, in either order. */
export function pairScope(a: string, b: string): string {
  const [first, second] = a < b ? [a, b] : [b, a];
  return `#${createHash('sha1').update(`${first}\n${second}`).digest('hex')}`;
}

/** The pair scopes of a list of entity refs. */
export function pairScopes(refs: string[]): string[] {
  const unique = [...new Set(refs)];
  return unique.flatMap((a, i) =>
    unique.slice(i + 1).map(b => pairScope(a, b)),
  );
}

/** Where a postmortem counts, and what is only counted per entity. */
export interface TallyScopes {
  /** The scopes every histogram counts it in. */
  all: string[];
  /** Its entities: the per-entity tables (top entities). */
  entities: string[];
  /** Its pair scopes: their members. */
  pairs: string[];
}

/** A postmortem's scopes: the portal's, its entities' and their pairs'. */
export function scopesOf(facts: PostmortemFacts): TallyScopes {
  const entities = [...new Set(facts.entityRefs)];
  const pairs = pairScopes(entities);
  return { all: ['', ...entities, ...pairs], entities, pairs };
}

/**
 * Adds what a postmortem counts for, `weight` times, in its scopes (or
 * `scopes`): nothing when deleted. `overdueBefore`: the day before which an
 * open item counts as overdue in `insights_overdue` (see the state).
 */
export function tallyPostmortem(
  tally: Tally,
  facts: PostmortemFacts,
  days: ZoneDays,
  options: {
    overdueBefore: string;
    weight?: number;
    scopes?: TallyScopes;
  },
) {
  if (!facts.live) {
    return;
  }
  const weight = options.weight ?? 1;
  const scopes = options.scopes ?? scopesOf(facts);
  const month = days.monthOf(facts.startedAt);
  const addIn = (list: string[], table: RollupTable, key: KeyValue[]) => {
    for (const scope of list) {
      tally.add(table, [scope, ...key], weight);
    }
  };
  const add = (table: RollupTable, key: KeyValue[]) =>
    addIn(scopes.all, table, key);
  addIn(scopes.entities, 'insights_entity_incidents', [month]);
  addIn(scopes.pairs, 'insights_pair_members', [facts.id]);
  add('insights_incidents', [month, 'severity', facts.severity ?? '']);
  add('insights_incidents', [month, 'detection', facts.detection ?? '']);
  if (facts.wasRead) add('insights_incidents', [month, 'read', '1']);
  for (const [measure, at] of [
    ['detect', facts.detectedAt],
    ['resolve', facts.resolvedAt],
  ] as const) {
    if (at !== null) {
      add('insights_durations', [
        month,
        measure,
        Math.floor((at - facts.startedAt) / MINUTE_MS),
      ]);
    }
  }
  for (const item of facts.items) {
    const owner = item.owner ?? '';
    add('insights_item_months', [days.monthOf(item.createdAt), 'opened']);
    if (item.completedAt !== null) {
      const closedMonth = days.monthOf(item.completedAt);
      add('insights_item_months', [closedMonth, 'closed']);
      add('insights_item_closings', [
        closedMonth,
        owner,
        Math.floor((item.completedAt - item.createdAt) / DAY_MS),
      ]);
    }
    const hasDue = item.dueKey !== NO_DUE_DATE;
    if (item.isOpen) {
      add('insights_open_days', [days.dayOf(item.createdAt)]);
      add('insights_open_owners', [owner]);
      add('insights_open_dues', [item.dueKey, owner]);
      if (item.dueKey < options.overdueBefore) {
        add('insights_owner_overdue', [owner]);
        addIn(scopes.entities, 'insights_overdue', []);
      }
    }
    if (hasDue) {
      const met =
        item.completedAt !== null &&
        item.completedAt < days.dueDayEnd(item.dueKey)
          ? '1'
          : '0';
      add('insights_due_months', [item.dueKey.slice(0, 7), met]);
      add('insights_due_days', [item.dueKey, met]);
    }
  }
}
