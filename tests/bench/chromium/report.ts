import type { Distribution } from './measure';

// What the benchmark page hands back to scripts/bench-chromium.mjs, and how figures are written.

/** The part of the summary table a row belongs to; the script prints sections in this order. */
export const SECTIONS = ['import', 'baseline', 'export', 'lookup', 'search', 'memory'] as const;
export type Section = (typeof SECTIONS)[number];

/** One line of the summary table: what was measured, the figure, the target and whether it was met. */
export interface BenchRow {
  section: Section;
  case: string;
  figure: string;
  target: string;
  /** null when the row has no target (a figure reported beside another). */
  pass: boolean | null;
}

/** What one phase of the page measured. */
export interface BenchResults {
  ok: true;
  phase: string;
  userAgent: string;
  cores: number;
  heapAfterForcedGc: boolean;
  crossOriginIsolated: boolean;
  rows: BenchRow[];
  /** Where the time of the slower cases goes, in milliseconds, and other details. */
  details: Record<string, unknown>;
}

/** What the page reports when it could not finish. */
export interface BenchFailure {
  ok: false;
  error: string;
}

declare global {
  interface Window {
    __benchResults?: BenchResults | BenchFailure;
  }
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
export const mib = (value: number | null | undefined) => (value == null ? 'n/a' : `${value.toFixed(1)} MiB`);
export const round2 = (value: number) => Math.round(value * 100) / 100;

const started = performance.now();
/** Progress on the console, which the script echoes; stamped with seconds since the page loaded. */
export const log = (message: string) => console.log(`[bench] ${seconds(performance.now() - started)}: ${message}`);

/** A row for p50 / p95 / max of a latency distribution against a p95 target. */
export function percentileRow(section: Section, label: string, stats: Distribution, targetMs: number): BenchRow {
  return {
    section,
    case: `${label}: p50 / p95 / max`,
    figure: `${ms(stats.p50)} / ${ms(stats.p95)} / ${ms(stats.max)}`,
    target: `p95 ≤ ${targetMs} ms`,
    pass: stats.p95 <= targetMs,
  };
}

/** Deletes a database; `blocked` only means a connection is still closing, so it is waited out. */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`cannot delete ${name}`));
  });
}
