import { LIMITS, PageDate } from '../schema/primitives';
import { normalizeUrl } from '../source/normalize-url';

// Cleaners that turn one raw declaration from the page into a value the Source schema accepts,
// or reject it (null) so the next declaration in precedence order gets its turn.

/** Most bylines a Source keeps; the schema's array limit. */
export const MAX_AUTHORS = 50;

/** Longest BCP 47 tag the Source schema accepts. */
export const MAX_LANG = 35;

// Anything longer is not a date, whatever it says; checked before the schema so huge strings cost nothing.
const MAX_DATE_CHARS = 64;

/** Cuts `value` to at most `max` UTF-16 units without splitting a surrogate pair, so both JS and code-point counts fit. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Trimmed, whitespace-collapsed and bounded display text; null when nothing is left. */
export function cleanText(value: string | null | undefined, max: number): string | null {
  if (typeof value !== 'string') return null;
  // Bound before collapsing so a megabyte-long attribute is not scanned in full.
  const text = truncate(
    value
      .slice(0, max * 4)
      .replace(/\s+/gu, ' ')
      .trim(),
    max,
  ).trim();
  return text || null;
}

/** The date exactly as declared (trimmed) when it is ISO 8601 as the schema allows; never repaired or guessed. */
export function pageDate(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > MAX_DATE_CHARS) return null;
  return PageDate.safeParse(trimmed).success ? trimmed : null;
}

// A 2-3 letter language (or x-/i- private and legacy forms) and subtags; rejects prose such as "English".
const LANG_TAG = /^(?:[A-Za-z]{2,3}|[xXiI])(?:-[A-Za-z0-9]{1,8})*$/;

/** A BCP 47-shaped language tag; `en_US` (OpenGraph's locale form) becomes `en-US`. */
export function langTag(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const tag = value.trim().replace(/_/g, '-');
  return tag.length <= MAX_LANG && LANG_TAG.test(tag) ? tag : null;
}

/** The declared canonical address resolved against `base` and normalised; null unless http(s) and within limits. */
export function canonicalUrl(value: string | null | undefined, base: string): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > LIMITS.url) return null;
  let resolved: string;
  try {
    resolved = new URL(trimmed, base).href;
  } catch {
    return null;
  }
  const normalized = normalizeUrl(resolved);
  return normalized && normalized.length <= LIMITS.url ? normalized : null;
}

// A byline that is only an address (article:author often holds a profile URL) names nobody.
const URL_ONLY = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/|www\.|mailto:)\S*$/i;

/** Bylines trimmed, bounded, without empties, URLs or repeats (case-insensitive), at most MAX_AUTHORS, in page order. */
export function cleanAuthors(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const authors: string[] = [];
  for (const value of values) {
    const name = cleanText(value, LIMITS.name);
    if (!name || URL_ONLY.test(name)) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    authors.push(name);
    if (authors.length === MAX_AUTHORS) break;
  }
  return authors;
}
