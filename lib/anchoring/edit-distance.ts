// Edit distances for judging a fuzzy match once it is found: over characters, for a match whose
// ends were moved onto its stored context, and over words, for how many words a site changed.

/** Levenshtein distance between two short sequences (the characters of a quote and a candidate,
 *  or their words), O(a × b); past `limit` it only says "more than limit" (returns limit + 1),
 *  stopping as soon as it knows. */
export function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>, limit = Infinity): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
      );
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] as number, limit + 1);
}

/** The words of a text (letters and digits), as fuzzy matching counts them. */
export function wordsOf(value: string): string[] {
  return value.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** How many words differ between a quote's words and a candidate: the edit distance over words,
 *  so one word replaced counts 1 however many letters it has, and punctuation does not count. */
export function changedWords(quote: readonly string[], candidate: string): number {
  return editDistance(quote, wordsOf(candidate));
}
