import * as z from 'zod/mini';
import { LIMITS, text } from './primitives';

/** A provision of a legal code, e.g. Part 1 of Article 368 of the Criminal Code. */
export const LegalArticle = z.strictObject({
  /** The code, e.g. "Criminal Code" or "Code of Administrative Offenses". */
  code: text(LIMITS.label, 1),
  /** The article number as written, e.g. "368" or "361-1". */
  article: text(20, 1),
  /** The part, e.g. "1", or null when the text names none. */
  part: z.nullable(text(20, 1)),
});
export type LegalArticle = z.infer<typeof LegalArticle>;
