// How well the stored prefix or suffix agrees with the text next to a candidate. The context must
// touch the quote: the stored prefix is aligned against the text that ends at the candidate's
// start, free only at its far end, so "under Part 1 of" far away from the quote is no evidence.

/** 1 − edits/length between a stored prefix and the text ending at a candidate (1 = identical). */
export function prefixSimilarity(stored: string, before: string): number {
  return similarity(stored, before, true);
}

/** 1 − edits/length between a stored suffix and the text starting at a candidate's end. */
export function suffixSimilarity(stored: string, after: string): number {
  return similarity(stored, after, false);
}

// Rows of the DP, reused across calls: anchoring a page compares thousands of contexts.
let previous = new Uint16Array(64);
let current = new Uint16Array(64);

// Edit distance between `stored` and the best-aligned stretch of `text` that touches the quote:
// the classic DP with the far end of `text` left free. `fromEnd` walks both strings backwards so a
// prefix is compared starting from the characters nearest the quote. O(m × n), both about 32.
function similarity(stored: string, text: string, fromEnd: boolean): number {
  const m = stored.length;
  const n = text.length;
  if (m === 0) return 1;
  if (previous.length <= n) {
    previous = new Uint16Array(2 * n + 2);
    current = new Uint16Array(2 * n + 2);
  }
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const code = stored.charCodeAt(fromEnd ? m - i : i - 1);
    for (let j = 1; j <= n; j++) {
      const same = code === text.charCodeAt(fromEnd ? n - j : j - 1);
      const substitute = (previous[j - 1] as number) + (same ? 0 : 1);
      const skipStored = (previous[j] as number) + 1;
      const skipText = (current[j - 1] as number) + 1;
      current[j] =
        substitute < skipStored
          ? substitute < skipText
            ? substitute
            : skipText
          : skipStored < skipText
            ? skipStored
            : skipText;
    }
    const row = previous;
    previous = current;
    current = row;
  }
  let best = m;
  for (let j = 0; j <= n; j++) if ((previous[j] as number) < best) best = previous[j] as number;
  return 1 - best / m;
}
