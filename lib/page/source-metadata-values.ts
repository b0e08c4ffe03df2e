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

/** The date as declared (trimmed) when it is ISO 8601 as the schema allows, or the same date and
 *  time written in a form ISO 8601 / RFC 3339 / HTML also allow, normalised (see DECLARED_FORM);
 *  null otherwise. A date, a time or an offset that was not declared is never added. */
export function pageDate(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > MAX_DATE_CHARS) return null;
  if (PageDate.safeParse(trimmed).success) return trimmed;
  const normalized = extendedForm(trimmed);
  return normalized !== null && PageDate.safeParse(normalized).success ? normalized : null;
}

// The same instant in the other forms sites declare: a basic-format or hour-only offset
// ("+0300", "+03", PHP's DATE_ISO8601), a space or a lower-case "t" between date and time (RFC
// 3339 and HTML's <time datetime> allow the space), a space before the offset, a comma before the
// fraction, "z" for "Z", and the basic format throughout ("20240305T100000+0300"). Groups: date
// (extended or basic), time (the same format as the date), fraction, offset.
const DECLARED_FORM =
  /^(?:(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2}))?|(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(\d{2})?)(?:[.,](\d{1,9}))? ?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

// The extended form of a declared date-time, or null when it is not one of the forms above.
function extendedForm(value: string): string | null {
  const m = DECLARED_FORM.exec(value);
  if (!m) return null;
  const basic = m[7] !== undefined;
  const [year, month, day, hour, minute, second] = basic ? m.slice(7, 13) : m.slice(1, 7);
  const fraction = m[13];
  // A fraction belongs to the seconds; "10:00,5" is not a time.
  if (fraction !== undefined && second === undefined) return null;
  const time = `${hour}:${minute}${second === undefined ? '' : `:${second}`}${fraction === undefined ? '' : `.${fraction}`}`;
  return `${year}-${month}-${day}T${time}${offset(m[14])}`;
}

// "Z", or "+hh:mm" from "+hh", "+hhmm" or "+hh:mm"; nothing when none was declared.
function offset(declared: string | undefined): string {
  if (declared === undefined) return '';
  if (declared === 'Z' || declared === 'z') return 'Z';
  const digits = declared.slice(1).replace(':', '');
  return `${declared[0]}${digits.slice(0, 2)}:${digits.length === 4 ? digits.slice(2) : '00'}`;
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
