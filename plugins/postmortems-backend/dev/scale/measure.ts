import { performance } from 'node:perf_hooks';
import { quantile } from '../benchmark/measure';
import { treeRssMb } from './backend';
import { PageRequest } from './requests';

/*
 * Sends the requests one at a time (a parallel group together) in a
 * shuffled round-robin: warm-up rounds first, discarded, then the measured
 * rounds. Samples the backend's RSS while the suggestions run.
 */

/** What one request measured. */
export interface Timing {
  name: string;
  runs: number;
  p50: number;
  p99: number;
  /** `totalCount` (or items, or insights' counts) of the first URL's answer. */
  note: string;
}

/** The timings and the backend's memory. */
export interface Measured {
  timings: Timing[];
  rssIdleMb: number;
  rssPeakSuggestionsMb: number;
  /** Samples skipped because the dev backend restarted. */
  restarts: number;
  /** Samples skipped because the token was refused and renewed. */
  tokenRenewals: number;
}

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * How long one request may take before it is reported as timed out and
 * left out of the later rounds (undici's own limit, 300 s without headers,
 * used to end the whole run with a bare `fetch failed`).
 */
export const REQUEST_TIMEOUT_MS = 60_000;

/** A request that did not answer within REQUEST_TIMEOUT_MS. */
class RequestTimedOut extends Error {}

/** A 401: the token was refused (it is renewed, the sample skipped). */
class TokenRefused extends Error {}

async function send(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  }).catch(error => {
    if (error?.name === 'TimeoutError') {
      throw new RequestTimedOut(
        `${url}: no answer in ${REQUEST_TIMEOUT_MS / 1000} s`,
      );
    }
    throw error;
  });
  const body = await response.text();
  if (response.status === 401) {
    throw new TokenRefused(`${url}: HTTP 401 ${body.slice(0, 300)}`);
  }
  if (!response.ok) {
    throw new Error(`${url}: HTTP ${response.status} ${body.slice(0, 300)}`);
  }
  return JSON.parse(body);
}

function noteOf(body: any): string {
  if (typeof body?.totalCount === 'number') return `total ${body.totalCount}`;
  if (Array.isArray(body?.items)) return `${body.items.length} items`;
  // Insights: the incidents and open items they add up.
  if (body?.reading && body?.actionItems?.openByAge) {
    const open = Object.values(body.actionItems.openByAge as object).reduce(
      (sum: number, n) => sum + Number(n),
      0,
    );
    return `${body.reading.postmortems} incidents, ${open} open`;
  }
  return '';
}

/** Measures every request `rounds` times after `warmup` rounds. */
export async function measureRequests(
  requests: PageRequest[],
  options: {
    token: () => Promise<string>;
    waitUntilUp: () => Promise<void>;
    pid: number;
    rounds: number;
    warmup: number;
  },
): Promise<Measured> {
  const times = new Map<string, number[]>(requests.map(r => [r.name, []]));
  const notes = new Map<string, string>();
  let seed = 99;
  const next = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const rssIdleMb = treeRssMb(options.pid);
  const memory = { peak: rssIdleMb };
  const restarts = { count: 0 };
  const renewals = { count: 0 };
  const timedOut = new Set<string>();
  const auth = { token: await options.token(), at: Date.now() };
  const renewToken = async () => {
    auth.token = await options.token();
    auth.at = Date.now();
  };
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    if (Date.now() - auth.at > 10 * 60_000) {
      await renewToken();
    }
    for (const request of shuffle(requests, next)) {
      if (timedOut.has(request.name)) continue;
      const sampling =
        request.name.includes('suggestions') &&
        setInterval(() => {
          memory.peak = Math.max(memory.peak, treeRssMb(options.pid));
        }, 50);
      await request.before?.();
      if (request.again) {
        // Its errors are the timed send's to handle.
        await Promise.all(
          request.urls.map(url => send(url, auth.token).catch(() => undefined)),
        );
      }
      const start = performance.now();
      const bodies = await Promise.all(
        request.urls.map(url => send(url, auth.token)),
      ).catch(async error => {
        if (error instanceof TokenRefused) {
          await renewToken();
          renewals.count++;
          return undefined;
        }
        if (error instanceof RequestTimedOut) {
          process.stderr.write(`timed out: ${error.message}\n`);
          timedOut.add(request.name);
          notes.set(
            request.name,
            `timed out (> ${REQUEST_TIMEOUT_MS / 1000} s)`,
          );
          return undefined;
        }
        // The dev backend restarts when someone edits a watched file: wait
        // for it, count the restart and skip this sample.
        if (
          !`${error?.cause?.code ?? ''} ${error?.cause ?? error}`.match(
            /ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|SocketError|other side closed/,
          )
        ) {
          throw error;
        }
        await options.waitUntilUp();
        restarts.count++;
        return undefined;
      });
      const elapsed = performance.now() - start;
      if (sampling) {
        clearInterval(sampling);
        memory.peak = Math.max(memory.peak, treeRssMb(options.pid));
      }
      if (!bodies) continue;
      if (round >= options.warmup) times.get(request.name)!.push(elapsed);
      else notes.set(request.name, noteOf(bodies[0]));
    }
  }
  return {
    timings: requests.map(({ name }) => {
      const sorted = times.get(name)!.sort((a, b) => a - b);
      return {
        name,
        runs: sorted.length,
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        note: notes.get(name) ?? '',
      };
    }),
    rssIdleMb,
    rssPeakSuggestionsMb: memory.peak,
    restarts: restarts.count,
    tokenRenewals: renewals.count,
  };
}
