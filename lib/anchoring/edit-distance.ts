// Edit distances for judging a fuzzy match once it is found: over characters, for a match whose
// ends were moved onto its stored context, and over words, for how many words a site changed.

/** Levenshtein distance between two short strings (a quote and a candidate), O(a × b); past
 *  `limit` it only says "more than limit" (returns limit + 1), stopping as soon as it knows. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] as number) + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitute, (previous[j] as number) + 1, (current[j - 1] as number) + 1);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] as number, limit + 1);
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** The words of a text (letters and digits), as fuzzy matching counts them. */
export function wordsOf(value: string): string[] {
  return value.match(WORDS) ?? [];
}

/** How many words differ between a quote's words and a candidate: the edit distance over words,
 *  so one word replaced counts 1 however many letters it has, and punctuation does not count. */
export function changedWords(quote: readonly string[], candidate: string): number {
  const found = wordsOf(candidate);
  let previous = Array.from({ length: found.length + 1 }, (_, j) => j);
  for (let i = 1; i <= quote.length; i++) {
    const current = [i];
    for (let j = 1; j <= found.length; j++) {
      const same = quote[i - 1] === found[j - 1];
      current[j] = Math.min(
        (previous[j - 1] as number) + (same ? 0 : 1),
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
      );
    }
    previous = current;
  }
  return previous[found.length] as number;
}
