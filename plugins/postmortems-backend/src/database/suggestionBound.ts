import {
  SuggestionBound,
  SuggestionBoundField,
} from '@postmortems/backstage-plugin-postmortems-node';
import { Knex } from 'knex';

const COLUMNS: Record<SuggestionBoundField, string> = {
  severity: 'p.severity',
  impactMinutes: 'p.impact_minutes',
  openItems: 'p.open_items',
  firstOpenDue: 'p.first_open_due',
  secondOpenDue: 'p.second_open_due',
  startedAt: 'p.started_at',
  startedMonth: 'p.started_month',
};

/**
 * A suggestion bound as one SQL expression on `postmortems as p`: the
 * constant plus a `CASE` per term, its cases in order. A NULL column
 * (no due date, no resolution) matches no comparison, so that case gives
 * nothing.
 */
export function suggestionBoundSql(db: Knex, bound: SuggestionBound): Knex.Raw {
  const sql: string[] = [String(Number(bound.constant))];
  const bindings: Knex.Value[] = [];
  for (const term of bound.terms) {
    if (term.length === 0) continue;
    const cases = term.map(c => {
      const conditions = c.when.map(({ field, op, value }) => {
        const column = COLUMNS[field];
        if (op === 'in') {
          const values = value as number[];
          bindings.push(...values);
          return `${column} IN (${values.map(() => '?').join(', ')})`;
        }
        bindings.push(value as Knex.Value);
        return `${column} ${op} ?`;
      });
      return `WHEN ${conditions.join(' AND ')} THEN ${Number(c.points)}`;
    });
    sql.push(`(CASE ${cases.join(' ')} ELSE 0 END)`);
  }
  return db.raw(sql.join(' + '), bindings);
}
