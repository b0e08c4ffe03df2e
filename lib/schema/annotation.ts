import * as z from 'zod/mini';
import { LegalArticle } from './legal-article';
import { Id, IdList, Instant, LIMITS, PartialDate, Slug, text, uniqueTexts } from './primitives';
import { Selectors } from './selectors';

// One highlight: the words on a page, what the researcher says they are, and what they link to.

/** Event types a fact can record; the vocabulary of the monthly reviews. */
export const EVENT_TYPES = [
  'detention',
  'search',
  'charge',
  'trial',
  'sentence',
  'appeal',
  'transfer',
  'release',
  'death',
  'fine',
  'designation',
  'other',
] as const;
export const EventType = z.enum(EVENT_TYPES);

/** A term as stated ("two years in a penal colony"), with its parts when they can be read. */
export const Term = z.strictObject({
  text: text(LIMITS.label, 1),
  years: z.int().check(z.gte(0), z.lte(100)),
  months: z.int().check(z.gte(0), z.lte(1200)),
  days: z.int().check(z.gte(0), z.lte(36500)),
});
export type Term = z.infer<typeof Term>;

/** Typed fields of a "fact" highlight; every field may be unknown. */
export const FactFields = z.strictObject({
  eventType: z.nullable(EventType),
  date: z.nullable(PartialDate),
  place: z.nullable(text(LIMITS.label, 1)),
  legalArticle: z.nullable(LegalArticle),
  term: z.nullable(Term),
});
export type FactFields = z.infer<typeof FactFields>;

/** Whether the highlight was found on the page the last time it was looked for. */
export const Anchoring = z.strictObject({
  state: z.enum(['anchored', 'orphaned', 'unchecked']),
  checkedAt: z.nullable(Instant),
});

export const Annotation = z.strictObject({
  id: Id,
  sourceId: Id,
  selectors: Selectors,
  kind: Slug,
  tags: uniqueTexts(LIMITS.label),
  note: text(LIMITS.note),
  personIds: IdList,
  caseIds: IdList,
  fact: z.nullable(FactFields),
  /** The researcher who made the record, as set in the options; null when not set. */
  creator: z.nullable(text(LIMITS.name, 1)),
  created: Instant,
  modified: Instant,
  anchoring: Anchoring,
});
export type Annotation = z.infer<typeof Annotation>;
