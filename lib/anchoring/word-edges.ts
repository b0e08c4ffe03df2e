// A quote that began or ended at a word's edge must do so again: "in" inside "Minsk" is not the
// word "in", and "Ales" inside "Alesia" is not the name. A quote that cut a word in two may land
// anywhere, since the researcher's selection itself did.

/** Where the described quote cut into a word: at its start, at its end. */
export interface WordEdges {
  insideAtStart: boolean;
  insideAtEnd: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

// A UTF-16 unit is part of a word (letters, digits, combining marks); NaN (past either end) is not.
function isWord(code: number): boolean {
  return !Number.isNaN(code) && WORD.test(String.fromCharCode(code));
}

/** Whether the quote, as described, started and ended inside a word. */
export function describedEdges(exact: string, prefix = '', suffix = ''): WordEdges {
  return {
    insideAtStart: isWord(prefix.charCodeAt(prefix.length - 1)) && isWord(exact.charCodeAt(0)),
    insideAtEnd: isWord(exact.charCodeAt(exact.length - 1)) && isWord(suffix.charCodeAt(0)),
  };
}

/** Whether the text `candidate` (its first and last units inside `text`, at [start, end)) cuts
 *  into a word only where the described quote did. */
export function edgesAgree(edges: WordEdges, text: string, start: number, end: number): boolean {
  const found = describedEdges(text.slice(start, end), text[start - 1], text[end]);
  return (edges.insideAtStart || !found.insideAtStart) && (edges.insideAtEnd || !found.insideAtEnd);
}
