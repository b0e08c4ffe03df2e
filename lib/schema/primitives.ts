import * as z from 'zod/mini';

// The building blocks every record shares. Every string is bounded so a hostile file or page cannot
// make the extension hold megabytes in one field; the limits are part of the published schema.

/** Upper bounds on text fields, in characters (Unicode code points, as Zod and JSON Schema count). */
export const LIMITS = {
  name: 500,
  title: 2_000,
  label: 200,
  url: 8_192,
  quote: 20_000,
  context: 200,
  note: 100_000,
  listItems: 1_000,
} as const;

/** Bounded text; `min` 1 where an empty value would be meaningless. */
export const text = (max: number, min = 0) =>
  min > 0 ? z.string().check(z.minLength(min), z.maxLength(max)) : z.string().check(z.maxLength(max));

/** A record id: a UUID, as `crypto.randomUUID()` makes them. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** An instant the extension recorded: ISO 8601 with `Z` or an explicit offset. */
export const Instant = z.iso.datetime({ offset: true });

/** A date or time as a page declared it: a full date-time (with or without offset) or a calendar date. */
export const PageDate = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()]);

/** A date known to the day, the month or only the year ("2024-01-29", "2024-01", "2024"). */
export const PartialDate = z
  .string()
  .check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD'));
export type PartialDate = z.infer<typeof PartialDate>;

/** An http(s) URL, the only kind of page the extension annotates. */
export const HttpUrl = z
  .url({ protocol: /^https?$/, hostname: /./ })
  .check(z.maxLength(LIMITS.url), z.regex(/^[hH][tT][tT][pP][sS]?:\/\//, 'must be an http(s) URL'));

/** A lower-case slug naming a kind or an event type, so user vocabularies stay portable. */
export const Slug = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens (at most 40)'));

/** A list of distinct, bounded strings (tags, aliases). */
export const uniqueTexts = (max: number) =>
  z
    .array(text(max, 1))
    .check(
      z.maxLength(LIMITS.listItems),
      z.refine((items) => new Set(items).size === items.length, 'items must be unique'),
    );

/** A list of distinct record ids (links to persons or cases). */
export const IdList = z
  .array(Id)
  .check(z.maxLength(LIMITS.listItems), z.refine((ids) => new Set(ids).size === ids.length, 'ids must be unique'));
