import * as z from 'zod/mini';
import { LegalArticle } from './legal-article';
import { Id, IdList, Instant, LIMITS, PartialDate, text } from './primitives';

/** Where a case stands, as far as the researcher knows. */
export const CASE_STATUSES = [
  'investigation',
  'trial',
  'sentenced',
  'appeal',
  'serving',
  'released',
  'closed',
  'unknown',
] as const;

/** A dated step of a case, e.g. { event: "detention", date: "2020-03-25" }. */
export const KeyDate = z.strictObject({
  event: text(LIMITS.label, 1),
  date: PartialDate,
});

/** A criminal or administrative case against one or more persons. */
export const Case = z.strictObject({
  id: Id,
  title: text(LIMITS.title, 1),
  personIds: IdList,
  legalArticles: z.array(LegalArticle).check(z.maxLength(100)),
  court: z.nullable(text(LIMITS.label, 1)),
  judge: z.nullable(text(LIMITS.name, 1)),
  facility: z.nullable(text(LIMITS.label, 1)),
  sentence: z.nullable(text(LIMITS.label, 1)),
  status: z.enum(CASE_STATUSES),
  keyDates: z.array(KeyDate).check(z.maxLength(200)),
  notes: text(LIMITS.note),
  created: Instant,
  modified: Instant,
});
export type Case = z.infer<typeof Case>;
