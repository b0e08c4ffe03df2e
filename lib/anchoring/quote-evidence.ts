// When a candidate is good enough to anchor on. PRECISION OVER RECALL: a highlight that lands on
// other words is false evidence in a human-rights record, while an orphan only asks the researcher
// to look again. Each threshold was tuned on tests/unit/anchoring (the false-anchor corpus built
// from the fixture pages must stay at zero false anchors) and is explained where it is set.

/** The thresholds of the anchoring decision, exported so tests and docs quote the same numbers. */
export const ANCHOR_THRESHOLDS = {
  /** Units of prefix and suffix stored with a quote, a whitespace run counting as one (Hypothesis
   *  and Apache Annotator store 32). */
  contextLength: 32,
  /** A stored context shorter than this (after folding whitespace) is no evidence either way:
   *  "  " or ". " next to a quote at the top of a page matches almost anywhere. */
  minContext: 6,
  /** A side agrees at ≥ 0.75 (1 − edits/length): a changed word of up to 8 letters next to the quote
   *  still agrees. */
  agree: 0.75,
  /** A side contradicts below 0.5: more than half of it differs, so it is another place. */
  contradict: 0.5,
  /** From 32 units a quote is a phrase rather than a name or a date: an exact occurrence with one
   *  untouched side may anchor when its other side was rewritten, if the phrase is unique. */
  longQuote: 32,
  /** From 64 units (a clause) an exact quote that occurs once is its own evidence, near its stored
   *  position (far from it, quote-search.ts wants both sides untouched whatever the length). Legal
   *  references ("Part 1 of Article 342 of the Criminal Code", 42) recur verbatim as boilerplate,
   *  so 32 is not. */
  uniqueQuote: 64,
  /** A fuzzy phrase needs one side untouched and the other at least this close (3 edits in 32). */
  fuzzyOtherSide: 0.9,
  /** A short fuzzy match needs both stored sides at least this long (folded): " Babich" at the
   *  end of a page is too little to vouch for "Aliaksandr" being the "Aliaksander" that stood there. */
  fuzzyContext: 16,
  /** Below 5 units a fuzzy match is noise ("Minsk" vs "Mensk" vs "Pinsk"). */
  fuzzyMinLength: 5,
  /** Errors a fuzzy match of a short quote may have: 1 per 8 units (1 for a 7–15-letter name). */
  shortErrorRate: 1 / 8,
  /** Errors a fuzzy match of a long quote may have: 1 per 4 units, enough for one edited word. */
  longErrorRate: 1 / 4,
  /** Cap on errors; it also bounds the cost of Myers' search (O(n × errors / 32)). */
  maxErrors: 256,
  /** A fuzzy match may differ from the quote by 2 words, or 1 in 8 words of a long quote: a site
   *  corrects a word or two; a sentence with five words changed (a near-copy elsewhere on the page,
   *  as the Chromium benchmark's deleted quotes found) is another statement. */
  changedWords: 2,
  changedWordRate: 1 / 8,
  /** Units on each side of the position hint searched first for a fuzzy match; farther away, a
   *  match needs both sides of its context untouched. */
  hintWindow: 2048,
  /** Floor on the combined score: a backstop behind the rules below, under the lowest score any
   *  rule accepts (0.54, an exact unique clause with both sides rewritten and no stored position),
   *  so it never decides alone. */
  minScore: 0.5,
} as const;

const T = ANCHOR_THRESHOLDS;

/** How a candidate was found: at the stored position, at the stored position moved by as much as
 *  other highlights of the page moved, as an exact occurrence, or approximately. */
export type MatchKind = 'position' | 'shifted' | 'exact' | 'fuzzy';

/** What is known about one candidate occurrence of a quote. */
export interface Evidence {
  kind: MatchKind;
  /** Length of the (folded) quote in UTF-16 units. */
  length: number;
  /** Edits between the quote and the candidate's text (0 unless fuzzy). */
  errors: number;
  /** Prefix and suffix similarity, or null when the stored side is too short to be evidence. */
  prefix: number | null;
  suffix: number | null;
  /** Whether the candidate is the only exact occurrence of the quote in the text. */
  unique: boolean;
  /** Whether the candidate has the quote's digits, in order (always true unless fuzzy). */
  sameDigits: boolean;
  /** Words replaced, added or removed between the quote and the candidate (0 unless fuzzy). */
  changedWords: number;
  /** Words in the quote. */
  words: number;
  /** Folded length of the shorter stored side (0 when one is missing). */
  shortestSide: number;
  /** Whether the candidate begins and ends at a word edge wherever the quote did: "in" inside
   *  "Minsk" is not the word "in", and "Ales" inside "Alesia" is not the name. */
  edgesAgree: boolean;
  /** 1 at the hint, falling linearly to 0 at the length of the text; 1 when there is no hint. */
  closeness: number;
}

/** Most edits a fuzzy match of a quote of this length may have, so the search stops there. */
export function maxErrorsFor(length: number): number {
  if (length < T.fuzzyMinLength) return 0;
  const rate = length < T.longQuote ? T.shortErrorRate : T.longErrorRate;
  return Math.min(T.maxErrors, Math.max(1, Math.floor(length * rate)));
}

/** Most words a fuzzy match of a quote of `words` words may change. */
export function maxChangedWords(words: number): number {
  return Math.max(T.changedWords, Math.floor(words * T.changedWordRate));
}

/** The combined score used to rank candidates, with Hypothesis' weights (quote 50, context 20 + 20,
 *  position 2); a side with no stored context counts as agreeing, as in Hypothesis. */
export function scoreOf(e: Evidence): number {
  const quote = e.length === 0 ? 0 : 1 - e.errors / e.length;
  return (50 * quote + 20 * (e.prefix ?? 1) + 20 * (e.suffix ?? 1) + 2 * e.closeness) / 92;
}

/** How many sides identical to the stored ones a candidate needs before it can be accepted, so
 *  the search skips the rest (and the fuzzy search entirely) with a plain string comparison. */
export function intactSidesNeeded(kind: MatchKind, length: number, unique: boolean): 0 | 1 | 2 {
  if (kind === 'fuzzy') return length < T.longQuote ? 2 : 1;
  if (kind === 'exact') return unique ? 0 : 1;
  return kind === 'position' && length >= T.longQuote ? 0 : 1;
}

/** Whether the evidence is strong enough to anchor on; the rules are the module's contract. */
export function accepts(e: Evidence): boolean {
  if (scoreOf(e) < T.minScore) return false;
  const sides = [e.prefix, e.suffix].filter((s): s is number => s !== null);
  const contradicted = sides.some((s) => s < T.contradict);
  const short = e.length < T.longQuote;
  // One side identical to the stored one once whitespace and typography are folded.
  const intact = sides.some((s) => s === 1);
  // A long fuzzy match may begin or end inside the edited word; every other match keeps word edges.
  if (!e.edgesAgree && !(e.kind === 'fuzzy' && !short)) return false;
  switch (e.kind) {
    case 'position':
      // The exact words at the exact stored offset, yet that is weaker than it looks: when a
      // repeated row or sentence is deleted, the next one slides into the same offset with
      // context that is merely similar. So one side must be untouched (a sentence rewritten after
      // the quote leaves its offset and its prefix alone), or, for a phrase, both sides agree.
      if (sides.length === 0) return true;
      return intact || (!short && sides.every((s) => s >= T.agree));
    case 'shifted':
      // A guess from other highlights' moves, not this one's: only untouched context confirms it.
      return intact && sides.every((s) => s === 1);
    case 'exact':
      if (sides.length === 0) return e.unique;
      if (e.length >= T.uniqueQuote) return e.unique || (intact && !contradicted);
      // A name, date or legal reference elsewhere is usually another mention of it, and legal
      // boilerplate makes other mentions' context look alike on both sides ("under Part 1 of |
      // 342 of the Criminal Code" against "under Part 1 of | 368 of the Criminal Code" scores
      // 0.88 and 0.69). A page edit, by contrast, usually leaves one side of the words untouched.
      if (short) return intact && sides.every((s) => s >= T.agree);
      // A phrase is stronger evidence: one untouched side will do, and if the phrase occurs
      // nowhere else, the other side may have been rewritten.
      return intact && (e.unique || !contradicted);
    case 'fuzzy':
      // The words differ from the quote, so both stored sides must show it is the same place.
      // Digits are facts (dates, terms, articles, counts): "January 8, 2024" is not an edited
      // "January 9, 2024", so they must not change.
      if (e.errors > maxErrorsFor(e.length) || sides.length < 2 || !intact || !e.sameDigits) return false;
      if (e.changedWords > maxChangedWords(e.words)) return false;
      // A short quote: a respelled name in an unchanged sentence, with enough of it on each side.
      if (short) return e.prefix === 1 && e.suffix === 1 && e.shortestSide >= T.fuzzyContext;
      // A phrase: one side untouched and the other nearly so. A phrase near a deleted quote that
      // differs by a name and shares boilerplate on one side ("Babič , Luchynovich . of the
      // Criminal" for "court Luchynovich of the Criminal") is a different statement.
      return sides.every((s) => s >= T.fuzzyOtherSide);
  }
}
