import { performance } from 'node:perf_hooks';

/** The latencies of one operation, in milliseconds. */
export interface Latency {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  /** What a call returned, e.g. the number of items found. */
  note?: string;
}

/** The value at quantile q of sorted numbers (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/**
 * Runs `call` a few times to warm caches and connections, then up to `runs`
 * times or until `budgetMs` is spent, one call at a time, and keeps each
 * call's wall time. `call` gets the run number so it can vary its input.
 */
export async function measure(
  name: string,
  call: (run: number) => Promise<string | void>,
  options: { runs?: number; warmup?: number; budgetMs?: number } = {},
): Promise<Latency> {
  const { runs = 50, warmup = 3, budgetMs = 15_000 } = options;
  let note: string | void = undefined;
  for (let i = 0; i < warmup; i++) {
    note = await call(-1 - i);
  }
  const times: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < runs && performance.now() < deadline; i++) {
    const start = performance.now();
    note = await call(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    runs: times.length,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    note: note || undefined,
  };
}

/** Runs `work` for every item with at most `concurrency` at a time. */
export async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/** A plain-text table with the columns padded, Markdown-compatible. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join(' | ')} |`;
  return [
    line(header),
    `| ${widths
      .map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`))
      .join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (Number.isNaN(value)) {
    return '-';
  }
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}
