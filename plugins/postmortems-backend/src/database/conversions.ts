/*
 * Values as they come back from the three databases: a timestamp is a Date
 * on PostgreSQL and MySQL but the epoch milliseconds on SQLite (Knex's
 * better-sqlite3 client binds a Date as its number), and counts are strings
 * on PostgreSQL (bigint) and MySQL (SUM gives a decimal).
 */

/**
 * Which of the three databases a Knex client talks to, for the few
 * statements that differ (full-text search, join order, statistics).
 */
export function engineOf(db: {
  client: { config: { client?: unknown } };
}): 'pg' | 'mysql' | 'sqlite' {
  const client = String(db.client.config.client);
  if (client.includes('mysql')) {
    return 'mysql';
  }
  return client === 'pg' || client.includes('postgres') ? 'pg' : 'sqlite';
}

/** A stored timestamp as an ISO string in UTC. */
export function toIso(value: unknown): string {
  return new Date(toMillis(value)).toISOString();
}

/**
 * A stored timestamp as milliseconds since the epoch: a Date (PostgreSQL,
 * MySQL), milliseconds as a number or digits (SQLite), or a date string.
 */
export function toMillis(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  const text = String(value);
  return /^\d+$/.test(text) ? Number(text) : new Date(text).getTime();
}

/** A stored timestamp that may be null, as milliseconds or null. */
export function toOptionalMillis(value: unknown): number | null {
  return value === null || value === undefined ? null : toMillis(value);
}

/** A stored timestamp that may be null, as an ISO string or undefined. */
export function toOptionalIso(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : toIso(value);
}

/** An ISO string (or null) as the Date the drivers bind consistently. */
export function toDate(value: string): Date;
export function toDate(value: string | null | undefined): Date | null;
export function toDate(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

/** A count or sum from an aggregate. */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** A JSON text column. */
export function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || value === '') {
    return fallback;
  }
  return JSON.parse(value) as T;
}

/** Leaves out the properties whose value is undefined or null. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as T;
}

/**
 * The text that substring search runs over: NFKC folds full-width Latin and
 * half-width katakana into their usual forms, and lower-casing in JavaScript
 * (not in SQL) makes the comparison the same on every database: SQLite only
 * folds ASCII case in LIKE, PostgreSQL's LIKE is case-sensitive, and MySQL's
 * column is utf8mb4_bin so its collation does not fold kana or accents.
 */
export function searchTextOf(
  title: string,
  sections: Record<string, string>,
): string {
  return normalizeSearch([title, ...Object.values(sections)].join('\n'));
}

/** A search query in the same form as `searchTextOf`. */
export function normalizeSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The escape character of LIKE patterns. Not a backslash: MySQL reads a
 * backslash in a string literal as an escape of its own (unless
 * NO_BACKSLASH_ESCAPES), so `ESCAPE '\'` is not portable; `!` means nothing
 * special anywhere.
 */
export const LIKE_ESCAPE = '!';

/** A LIKE pattern that finds `text` anywhere, with % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, c => `${LIKE_ESCAPE}${c}`)}%`;
}
