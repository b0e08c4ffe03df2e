import { distribution } from '../chromium/measure';
import type { BenchAnnotation, Item } from './annotations';
import { gc, longestTask, nextTask, type ShownPage } from './bench-dom';
import { ours } from './libraries';
import type { Outcome, Verdict } from './outcome';
import { log, ms } from './report';

// Case 1 (ours): the extension re-anchors 1,000 unchanged annotations as one synchronous task, the
// way the content script does on a page visit (case-paint.ts then paints them).

const WARM_RUNS = 5;

/** Case 1 for the extension: index + anchor all, first run and warm runs, with the verdicts. */
export async function unchangedOurs(root: HTMLElement, page: ShownPage, unchanged: readonly BenchAnnotation[]) {
  const details: Record<string, unknown> = {};
  log('case 1: ours…');
  const unchangedItems: Item[] = unchanged.map((a) => ({
    annotation: a,
    category: a.kind,
    truth: { start: a.start, end: a.end },
  }));
  const runOurs = async () => {
    gc?.();
    await nextTask();
    const lib = ours();
    const t0 = performance.now();
    lib.begin(root);
    const t1 = performance.now();
    const ranges = unchanged.map((a) => lib.anchor(a.selectors) as Range | null);
    const t2 = performance.now();
    return { indexMs: t1 - t0, anchorMs: t2 - t1, totalMs: t2 - t0, from: t0, to: t2, ranges };
  };
  const cold = await runOurs();
  const coldLongest = await longestTask(cold.from, cold.to);
  const warm: { indexMs: number; anchorMs: number; totalMs: number }[] = [];
  let warmLongest = 0;
  for (let i = 0; i < WARM_RUNS; i++) {
    const run = await runOurs();
    warm.push(run);
    warmLongest = Math.max(warmLongest, await longestTask(run.from, run.to));
  }
  const warmTotal = distribution(warm.map((w) => w.totalMs));
  const oursUnchanged: Outcome = {
    library: 'ours',
    n: unchanged.length,
    total: unchanged.length,
    beginMs: cold.indexMs,
    calls: [],
    verdicts: [],
    wrongExamples: [],
    errorMessages: [],
  };
  cold.ranges.forEach((range, i) => {
    const a = unchanged[i]!;
    const got = range ? page.offsets(range) : null;
    const verdict: Verdict = !got ? 'orphan' : got.start === a.start && got.end === a.end ? 'right' : 'wrong';
    oursUnchanged.verdicts.push({
      category: a.kind,
      kind: a.kind,
      short: a.exact.length < 32,
      verdict,
      sameText: false,
      overlap: false,
    });
  });
  details.case1Ours = {
    cold: { ...cold, ranges: undefined },
    warm,
    coldLongestTaskMs: coldLongest,
    warmLongestTaskMs: warmLongest,
  };
  log(`case 1 ours: ${ms(cold.totalMs)} cold (index ${ms(cold.indexMs)}), ${ms(warmTotal.p50)} warm`);
  return { unchangedItems, cold, coldLongest, warmTotal, oursUnchanged, details };
}
