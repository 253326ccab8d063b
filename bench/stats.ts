import { readFileSync } from 'node:fs';
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
}

/** Times each call, in milliseconds. */
export async function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await run(input);
    times.push(performance.now() - start);
  }
  return times;
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * This process's proportional set size: its own pages, and its share of pages it shares with others (Node's own
 * code, libraries). Summed over processes, what they take together; RSS counts shared pages once per process.
 * Null where the system does not tell (outside Linux).
 */
export function pssMb(): number | null {
  try {
    const line = readFileSync('/proc/self/smaps_rollup', 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return line ? Math.round(Number(line[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
