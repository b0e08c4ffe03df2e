// Names are written with capitals in both alphabets, so the matcher only looks at capitalised words:
// a fraction of a page's words, and no common noun can be mistaken for a name. Each token keeps
// its UTF-16 offsets in the scanned text, so a mention can be painted and anchored exactly.

/** One capitalised word of a text and where it is. */
export interface NameToken {
  word: string;
  start: number;
  end: number;
}

// A token is a capital letter not preceded by a letter or digit, then letters and marks; an
// apostrophe or hyphen followed by a letter ("O'Brien", "Дар'я", "Ivanova-Petrova") keeps it whole.
// The scan is one pass over char codes with a class table of the Basic Multilingual Plane, built
// once from Unicode properties: a regular expression with a look-behind took ten times longer on a
// 1 MB page. Characters outside the BMP end a word (no registered name needs them).
const OTHER = 0;
const LETTER = 1;
const UPPER = 2;
const DIGIT = 3;
const JOIN = 4;
let classes: Uint8Array | null = null;

function classTable(): Uint8Array {
  if (classes) return classes;
  const table = new Uint8Array(0x10000);
  const upper = /\p{Lu}|\p{Lt}/u;
  const letter = /[\p{L}\p{M}]/u;
  const digit = /\p{N}/u;
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCharCode(code);
    if (upper.test(ch)) table[code] = UPPER;
    else if (letter.test(ch)) table[code] = LETTER;
    else if (digit.test(ch)) table[code] = DIGIT;
  }
  for (const ch of "'’ʼ-") table[ch.charCodeAt(0)] = JOIN;
  return (classes = table);
}

/** The capitalised words of `text` in order; an English possessive "'s" is left out of the word. */
export function nameTokens(text: string): NameToken[] {
  const cls = classTable();
  const at = (i: number) => cls[text.charCodeAt(i)]!;
  const tokens: NameToken[] = [];
  const n = text.length;
  let previous = OTHER;
  for (let i = 0; i < n; i++) {
    const c = at(i);
    if (c !== UPPER || previous === LETTER || previous === UPPER || previous === DIGIT) {
      previous = c;
      continue;
    }
    let j = i + 1;
    for (;;) {
      while (j < n && (at(j) === LETTER || at(j) === UPPER)) j++;
      if (j + 1 < n && at(j) === JOIN && (at(j + 1) === LETTER || at(j + 1) === UPPER)) j += 2;
      else break;
    }
    // "Kastusiou's": the possessive is English grammar, not part of the name.
    const possessive = j - i > 2 && text.charCodeAt(j - 1) === 115 && at(j - 2) === JOIN && text[j - 2] !== '-';
    const end = possessive ? j - 2 : j;
    tokens.push({ word: text.slice(i, end), start: i, end });
    previous = at(j - 1);
    i = j - 1;
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
