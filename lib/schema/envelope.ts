import * as z from 'zod/mini';
import { Annotation } from './annotation';
import { Case } from './case';
import { KindDefinition } from './kinds';
import { Person } from './person';
import { HttpUrl, Id, Instant, LIMITS, text } from './primitives';
import { Source } from './source';

// The export file: the product's contract with colleagues and other tools. It names its schema
// and version so any reader can tell what it holds and refuse what it does not understand.

/** Identifies files written in this schema, whatever their version. */
export const SCHEMA_ID = 'https://source-annotator.org/schema/records';
/** The version this build writes; imports of older versions are migrated, newer ones refused. */
export const SCHEMA_VERSION = 1;

/** What part of the records the file holds. */
export const ExportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('page'), url: HttpUrl }),
  z.strictObject({ kind: z.literal('person'), personId: Id }),
  z.strictObject({ kind: z.literal('case'), caseId: Id }),
]);
export type ExportScope = z.infer<typeof ExportScope>;

const MAX_RECORDS = 1_000_000;

/** The records a file carries; also what the W3C reader must rebuild. */
export const RecordSet = z.strictObject({
  sources: z.array(Source).check(z.maxLength(MAX_RECORDS)),
  annotations: z.array(Annotation).check(z.maxLength(MAX_RECORDS)),
  persons: z.array(Person).check(z.maxLength(MAX_RECORDS)),
  cases: z.array(Case).check(z.maxLength(MAX_RECORDS)),
});
export type RecordSet = z.infer<typeof RecordSet>;

export const ExportEnvelope = z.strictObject({
  schema: z.literal(SCHEMA_ID),
  version: z.literal(SCHEMA_VERSION),
  exportedAt: Instant,
  generator: z.strictObject({ name: text(LIMITS.label, 1), version: text(40, 1) }),
  /** The researcher who exported the file, as set in the options; null when not set. */
  creator: z.nullable(text(LIMITS.name, 1)),
  scope: ExportScope,
  /** Kinds used by the annotations beyond the built-in ones, so readers can show them. */
  kinds: z.array(KindDefinition).check(z.maxLength(200)),
  ...RecordSet.shape,
});
export type ExportEnvelope = z.infer<typeof ExportEnvelope>;
