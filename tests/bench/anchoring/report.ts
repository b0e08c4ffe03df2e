// What the anchoring benchmark page hands back to scripts/bench-anchoring.mjs, and how figures are
// written. (A separate global from the records-store benchmark's `__benchResults`.)

/** A row of the targets table: one of the extension's targets, its figure and whether it was met. */
export interface TargetRow {
  case: string;
  figure: string;
  target: string;
  pass: boolean | null;
}

export interface AnchoringResults {
  ok: true;
  userAgent: string;
  cores: number;
  page: Record<string, unknown>;
  targets: TargetRow[];
  /** The comparison table: header, then rows of cells. */
  comparison: string[][];
  notes: string[];
  details: Record<string, unknown>;
}

export interface AnchoringFailure {
  ok: false;
  error: string;
}

declare global {
  interface Window {
    __anchoringBench?: AnchoringResults | AnchoringFailure;
  }
}

export const ms = (value: number) =>
  `${value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
export const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
export const duration = (value: number) => (value >= 1000 ? seconds(value) : ms(value));
export const pct = (part: number, whole: number) =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(part === whole || part === 0 ? 0 : 1)}%`;
export const count = (value: number) => value.toLocaleString('en-US');

const started = performance.now();
/** Progress on the console, which the script echoes; stamped with seconds since the page loaded. */
export const log = (message: string) => console.log(`[bench] ${seconds(performance.now() - started)}: ${message}`);
