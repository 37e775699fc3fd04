import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** Runs `task` a few times to warm up, then `runs` times in sequence; reports quantiles. */
export async function measure(name: string, runs: number, task: () => unknown): Promise<Measurement> {
  for (let i = 0; i < Math.min(10, runs); i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return summarise(name, times);
}

/** Quantiles of times measured elsewhere (a browser, say). */
export function summarise(name: string, times: readonly number[]): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  return { name, runs: sorted.length, medianMs: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), minMs: sorted[0] ?? 0, maxMs: sorted.at(-1) ?? 0 };
}
