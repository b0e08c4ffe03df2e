// Offsets tables (node starts, surrogate pairs, normalized-text positions) are sorted, so every
// lookup is a binary search: O(log n) per anchor instead of a scan of the page.

/** A sorted, indexable list of numbers: plain arrays and typed arrays both qualify. */
export interface SortedNumbers {
  readonly length: number;
  readonly [index: number]: number;
}

/** How many items are strictly below `value`; the index of the first item ≥ `value`. */
export function countBelow(sorted: SortedNumbers, value: number, length = sorted.length): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How many items are ≤ `value`; so `countAtMost(...) - 1` is the last item not after `value`. */
export function countAtMost(sorted: SortedNumbers, value: number, length = sorted.length): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
