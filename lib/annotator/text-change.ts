// Deciding whether the page's text changed enough to scan it again for suggestions. News pages edit
// themselves all the time (tickers, clocks, view counters, rotating ads); each scan sends the whole
// text to the background, so only a change that could hold a new mention is worth one.

/**
 * The text that `after` has in place of `before`: what is left between their common start and
 * common end. One span even when several places changed; good enough to tell "nothing new" apart.
 */
export function changedSpan(before: string, after: string): string {
  const most = Math.min(before.length, after.length);
  let start = 0;
  while (start < most && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < most - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end))
    end++;
  return after.slice(start, after.length - end);
}

// Fewer letters than this cannot hold a name or an article worth suggesting.
const THREE_LETTERS = /\p{L}\P{L}*\p{L}\P{L}*\p{L}/u;

/** Whether `after` is worth a new scan after `before` was scanned: it gained some letters (digits alone, as counters and clocks change, are not). */
export function rescanNeeded(before: string, after: string): boolean {
  if (before === after) return false;
  const added = changedSpan(before, after);
  return THREE_LETTERS.test(added);
}
