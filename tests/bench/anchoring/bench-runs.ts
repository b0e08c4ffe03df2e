import type { EditedPage } from './annotations';
import type { BenchSets } from './bench-sets';
import type { paintCase } from './case-paint';
import type { unchangedOurs } from './case-unchanged';
import type { Outcome } from './outcome';

// Everything the cases measured, handed from the run to the tables, targets and details.

/** The outcomes of every case, and the page versions they ran on. */
export interface BenchRuns {
  sets: BenchSets;
  case1Ours: Awaited<ReturnType<typeof unchangedOurs>>;
  paint: Awaited<ReturnType<typeof paintCase>>;
  case1: Outcome[];
  case2: Outcome[];
  case3None: Outcome[];
  case3Wrong: Outcome[];
  case5: Outcome[];
  case5ApacheOwn: Outcome;
  case6: Outcome[];
  case6ApacheOwn: Outcome;
  deletedModel: EditedPage;
  deletedStats: DeletedStats;
  wordModel: EditedPage;
  fallbackModel: EditedPage;
  editedModel: EditedPage;
  /** Millions of characters of the word-edited page's text (the per-MB figures divide by it). */
  mb: number;
  foldMs: number;
  /** Names of the other libraries run (none in the quick, ours-only mode). */
  others: string[];
}

/** What the deleted set holds. */
export interface DeletedStats {
  items: number;
  short: number;
  shortStillElsewhere: number;
  long: number;
  longStillElsewhere: number;
  ambiguousLeftOut: number;
  byKind: Record<string, number>;
}

/** The libraries in the order of the comparison table's columns. */
export const LIBRARY_NAMES = ['ours', 'dom-anchor-text-quote', '@apache-annotator/dom', 'Hypothesis-style'];

/** One library's outcome in a list of them, if it ran. */
export const byName = (list: Outcome[], name: string) => list.find((o) => o.library === name);
