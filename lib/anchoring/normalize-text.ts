import { countAtMost } from './sorted-search';

// Sites re-indent their HTML, swap straight and curly quotes, and turn hyphens into dashes without
// changing a word. Matching on a folded copy of the text makes such edits invisible, and the
// offset map leads every match back to the page's own characters.

/** A folded copy of a text and the way back to the original's UTF-16 offsets. */
export interface NormalizedText {
  /** The folded text: whitespace runs as one space, quotes and dashes in their ASCII form. */
  readonly text: string;
  /** The original offset where the folded character at `index` starts. */
  toOriginalStart(index: number): number;
  /** The original offset where the folded span ending at `index` ends. */
  toOriginalEnd(index: number): number;
  /** The folded index of the character that covers an original offset. */
  fromOriginal(offset: number): number;
}

// Everything that folds: runs of whitespace (\s is exactly the whitespace a page may re-indent
// with, NBSP and the Unicode spaces included) but not a lone plain space, which already is what
// it folds to; soft hyphens and zero-width spaces, invisible line-breaking hints that sites add
// and remove; typographic quotes and dashes. One regular expression finds them all, since the
// engine scans a page far faster than a loop over its characters.
const FOLDABLE =
  /[\s\u00ad\u200b\u2060]{2,}|[^\S ]|[\u00ad\u200b\u2060\u2018-\u201b\u2032\u201c-\u201f\u2033\u00ab\u00bb\u2010-\u2015\u2212]/g;
const INVISIBLE = /^[\u00ad\u200b\u2060]+$/;
const TYPOGRAPHY: Record<string, string> = {};
for (const c of '\u2018\u2019\u201a\u201b\u2032') TYPOGRAPHY[c] = "'";
for (const c of '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb') TYPOGRAPHY[c] = '"';
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212') TYPOGRAPHY[c] = '-';

// What one match of FOLDABLE becomes.
function folded(match: string): string {
  return TYPOGRAPHY[match] ?? (INVISIBLE.test(match) ? '' : ' ');
}

/** Whether a character folds to a space. */
export function isFoldedSpace(code: number): boolean {
  return /\s/.test(String.fromCharCode(code));
}

/** How many units a character adds to folded text, given whether the one before it (in reading
 *  order) was a space: 0 for invisible hints and for whitespace after whitespace, else 1. */
export function foldedWidth(code: number, afterSpace: boolean): 0 | 1 {
  if (code === 0xad || code === 0x200b || code === 0x2060) return 0;
  return afterSpace && isFoldedSpace(code) ? 0 : 1;
}

/** Folds a short string (a quote or its context) the same way as `normalizeText` folds a page. */
export function normalizeString(value: string): string {
  return value.replace(FOLDABLE, folded);
}

/** Folds a text and keeps the offset map; O(n), so pages use the cached `normalizedTextOf`. */
export function normalizeText(source: string): NormalizedText {
  // The map is kept sparse: folded index `breaks[k]` and the ones after it lie `shifts[k]` units
  // further on in the original, up to the next break. Only collapsed runs add a break.
  const breaks = [0];
  const shifts = [0];
  let shift = 0;
  const text = source.replace(FOLDABLE, (match: string, offset: number) => {
    const out = folded(match);
    if (out.length !== match.length) {
      shift += match.length - out.length;
      breaks.push(offset + out.length - (shift - (match.length - out.length)));
      shifts.push(shift);
    }
    return out;
  });
  // Where each stretch starts in the original, for lookups the other way.
  const origins = breaks.map((b, k) => b + (shifts[k] as number));
  const original = (index: number) => {
    const k = countAtMost(breaks, index) - 1;
    return index + (shifts[k] as number);
  };
  return {
    text,
    toOriginalStart: (index) => original(Math.min(Math.max(0, index), text.length)),
    toOriginalEnd(index) {
      const clamped = Math.min(Math.max(0, index), text.length);
      let end = original(clamped);
      const floor = clamped > 0 ? original(clamped - 1) + 1 : 0;
      // Leave out invisible characters that sit between this span and the next one.
      while (end > floor && foldedWidth(source.charCodeAt(end - 1), false) === 0) end--;
      return end;
    },
    fromOriginal(offset) {
      const k = Math.max(0, countAtMost(origins, offset) - 1);
      const next = k + 1 < breaks.length ? (breaks[k + 1] as number) : text.length + 1;
      return Math.max(0, Math.min(offset - (shifts[k] as number), next - 1, text.length));
    },
  };
}

let cached: { source: string; normalized: NormalizedText } | undefined;

/** `normalizeText` memoized for the last page, so anchoring many highlights folds a page once. */
export function normalizedTextOf(source: string): NormalizedText {
  if (cached?.source !== source) cached = { source, normalized: normalizeText(source) };
  return cached.normalized;
}
