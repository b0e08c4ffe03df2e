// Names are written with capitals in both alphabets, so the matcher only looks at capitalised words:
// a fraction of a page's words, and no common noun can be mistaken for a name. Each token keeps
// its UTF-16 offsets in the scanned text, so a mention can be painted and anchored exactly.

/** One capitalised word of a text and where it is. */
export interface NameToken {
  word: string;
  start: number;
  end: number;
}

// A capital letter not preceded by a letter, then letters; an apostrophe or hyphen inside the word
// ("O'Brien", "Дар'я", "Ivanova-Petrova") keeps it whole.
const TOKEN = /(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}]*(?:['’ʼ-]\p{L}[\p{L}\p{M}]*)*/gu;
const POSSESSIVE = /['’ʼ]s$/;

/** The capitalised words of `text` in order; an English possessive "'s" is left out of the word. */
export function nameTokens(text: string): NameToken[] {
  const tokens: NameToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let word = match[0];
    if (POSSESSIVE.test(word)) word = word.slice(0, -2);
    tokens.push({ word, start: match.index, end: match.index + word.length });
  }
  return tokens;
}

const SPACE_ONLY = /^[ \t\u00a0\u202f]{1,3}$|^[ \t\u00a0\u202f]*\n[ \t\u00a0\u202f]*$/;

/** True when only a little space separates two tokens, so they can be words of one name. */
export function adjacent(text: string, left: NameToken, right: NameToken): boolean {
  return right.start - left.end <= 4 && SPACE_ONLY.test(text.slice(left.end, right.start));
}

/** True when `token` is an initial ("Z." or "З."): one or two letters followed by a full stop. */
export function isInitial(text: string, token: NameToken): boolean {
  return token.end - token.start <= 2 && text.charCodeAt(token.end) === 46;
}

/** True when an initial and the next token are separated by its full stop and at most a little space. */
export function followsInitial(text: string, initial: NameToken, next: NameToken): boolean {
  const gap = text.slice(initial.end + 1, next.start);
  return next.start > initial.end && gap.length <= 2 && /^[ \u00a0\u202f]*$/.test(gap);
}
