// Small measuring helpers for the Chromium benchmark page: timers, percentiles and the JS heap.

/** Milliseconds since `start`, from performance.now(). */
export const since = (start: number): number => performance.now() - start;

/** Runs `work` and returns its result with the milliseconds it took. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: since(start), value };
}

/** p50, p95, max and mean of a list of durations (nearest-rank percentiles). */
export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** The nearest-rank percentiles of `samples`. */
export function distribution(samples: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return {
    n: sorted.length,
    p50: rank(50),
    p95: rank(95),
    max: sorted[sorted.length - 1] ?? 0,
    mean: sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1),
  };
}

type ChromiumPerformance = Performance & { memory?: { usedJSHeapSize: number; totalJSHeapSize: number } };
const gc = (globalThis as { gc?: () => void }).gc;

/** Whether heap figures are after a forced GC (Chromium started with --js-flags=--expose-gc). */
export const canForceGc = typeof gc === 'function';

/**
 * The live JS heap in MiB: performance.memory.usedJSHeapSize (precise with Chromium's
 * --enable-precise-memory-info), after a forced garbage collection when the page can ask for one,
 * so the figure is what the objects still referenced at that moment hold. Null outside Chromium.
 */
export async function heapMiB(): Promise<number | null> {
  gc?.();
  // Let finalisers and the microtask queue settle before reading.
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc?.();
  const memory = (performance as ChromiumPerformance).memory;
  return memory ? memory.usedJSHeapSize / 1024 / 1024 : null;
}

/** The UTF-8 size of `text` in MiB, as the downloaded file would be. */
export function utf8MiB(text: string): number {
  return new Blob([text]).size / 1024 / 1024;
}
