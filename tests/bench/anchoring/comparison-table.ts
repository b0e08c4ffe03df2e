import { distribution } from '../chromium/measure';
import { byName, LIBRARY_NAMES, type BenchRuns } from './bench-runs';
import { EDITED_CATEGORIES, type EditedCategory } from './edited-pages';
import { p50p95, rates, sampled, tally, totalMs, type Outcome } from './outcome';
import { count, duration, ms, pct } from './report';

// The comparison table: every case, each library side by side (right / wrong / orphaned shares,
// times per annotation, false anchors on deleted quotes).

/** The comparison table's rows, header first. */
export function comparisonTable(runs: BenchRuns): string[][] {
  const { case1, case2, case3None, case3Wrong, case5, case5ApacheOwn, case6, case6ApacheOwn } = runs;
  const { deletedModel, wordModel, fallbackModel, editedModel, mb } = runs;
  const { unchanged } = runs.sets;
  const { cold, warmTotal } = runs.case1Ours;
  const { paintItems, ours: painted } = runs.paint;
  const names = LIBRARY_NAMES;
  const cells = (f: (o: Outcome) => string, list: Outcome[], missing = 'n/a') =>
    names.map((name) => {
      const o = byName(list, name);
      return o ? f(o) : missing;
    });
  const perCall = (o: Outcome) => distribution(o.calls);
  const comparison: string[][] = [['case', 'measure', ...names]];
  const row = (label: string, measure: string, values: string[]) => comparison.push([label, measure, ...values]);

  row(`1. ${count(unchanged.length)} unchanged`, 'total: index + anchor all', [
    `${ms(cold.totalMs)} (warm ${ms(warmTotal.p50)})`,
    ...case1.slice(1).map((o) => {
      const t = totalMs(o);
      return `${t.estimated ? '≈ ' : ''}${duration(t.value)}${sampled(o)}`;
    }),
  ]);
  row(
    '',
    'right / wrong / orphaned',
    case1.map((o) => rates(o)),
  );
  row(
    '',
    'wrong: on a repeat of the same words',
    case1.map((o) => count(tally(o).sameText)),
  );
  row(
    `2. ${count(wordModel.items.length)} one-word-edited, stored hint`,
    'per annotation p50 / p95',
    cells((o) => p50p95(perCall(o)) + sampled(o), case2),
  );
  row(
    '',
    'right / wrong / orphaned',
    cells((o) => rates(o), case2),
  );
  row(`3. fuzzy fallback, ${fallbackModel.items.length} of them, no hint`, 'ms per MB of text p50 / p95', [
    ...cells(
      (o) => `${ms(perCall(o).p50 / mb)} / ${ms(perCall(o).p95 / mb)}${sampled(o)}`,
      case3None,
      'not run: exact only',
    ),
  ]);
  row(
    '',
    'right / wrong / orphaned',
    cells((o) => rates(o), case3None, 'not run'),
  );
  row('   same, hint half a page away', 'ms per MB of text p50 / p95', [
    ...cells(
      (o) => `${ms(perCall(o).p50 / mb)} / ${ms(perCall(o).p95 / mb)}${sampled(o)}`,
      case3Wrong,
      'not run: exact only',
    ),
  ]);
  row(
    '',
    'right / wrong / orphaned',
    cells((o) => rates(o), case3Wrong, 'not run'),
  );
  row(`4. paint ${count(paintItems.length)} highlights`, 'paint() / until the next frame is rendered', [
    `${ms(painted.paintCallMs)} / ${ms(painted.paintFrameMs)}`,
    'not a painter',
    'not a painter',
    'not a painter',
  ]);
  const falseAnchors = (o: Outcome) => {
    const all = tally(o);
    const short = tally(o, (v) => v.short);
    const long = tally(o, (v) => !v.short);
    return `${count(all.wrong)} of ${count(all.n)} (${pct(all.wrong, all.n)}): short ${short.wrong}/${short.n}, long ${long.wrong}/${long.n}`;
  };
  row(`5. ${count(deletedModel.items.length)} deleted quotes`, 'false anchors (any result is one)', [
    ...cells(falseAnchors, case5),
  ]);
  row(
    '',
    'of which: same words / near-copy context',
    cells((o) => `${tally(o).sameText} / ${tally(o).nearCopy}`, case5),
  );
  row(
    '',
    'per annotation p50 / p95',
    cells((o) => p50p95(perCall(o)) + sampled(o), case5),
  );
  row('   same, Apache with its own describeTextQuote', 'false anchors', [
    'n/a',
    'n/a',
    falseAnchors(case5ApacheOwn),
    'n/a',
  ]);
  row(
    `6. edited page, ${count(editedModel.items.length)} annotations`,
    'right / wrong / orphaned',
    cells((o) => rates(o), case6),
  );
  for (const category of Object.keys(EDITED_CATEGORIES) as EditedCategory[]) {
    const n = editedModel.items.filter((i) => i.category.startsWith(category)).length;
    row(
      `   ${category} (${n})`,
      'right / wrong / orphaned',
      cells((o) => rates(o, (v) => v.category.startsWith(category)), case6),
    );
  }
  row(
    '',
    'per annotation p50 / p95',
    cells((o) => p50p95(perCall(o)) + sampled(o), case6),
  );
  row('   same, Apache with its own describeTextQuote', 'right / wrong / orphaned', [
    'n/a',
    'n/a',
    `${rates(case6ApacheOwn)} (${case6ApacheOwn.n})`,
    'n/a',
  ]);
  return comparison;
}
