import * as z from 'zod/mini';
import { LIMITS, text } from './primitives';

// Where on the page the words stand, in the W3C Web Annotation selector vocabulary, so the same
// objects can be exported as W3C annotations without translation.

/** The quoted words with a little context on each side (W3C TextQuoteSelector). */
export const TextQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: text(LIMITS.quote, 1),
  prefix: z.optional(text(LIMITS.context)),
  suffix: z.optional(text(LIMITS.context)),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** Character offsets into the page's text content (W3C TextPositionSelector). */
export const TextPositionSelector = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.int().check(z.nonnegative()),
    end: z.int().check(z.nonnegative()),
  })
  .check(z.refine((s) => s.end >= s.start, { message: 'end must not be before start', path: ['end'] }));
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

/** Any selector the schema knows; new W3C selector types join this union in later versions. */
export const Selector = z.discriminatedUnion('type', [TextQuoteSelector, TextPositionSelector]);
export type Selector = z.infer<typeof Selector>;

/** An annotation's selectors: at least one TextQuoteSelector, since the quote is the evidence. */
export const Selectors = z
  .array(Selector)
  .check(
    z.minLength(1),
    z.maxLength(8),
    z.refine((list) => list.some((s) => s.type === 'TextQuoteSelector'), 'a TextQuoteSelector is required'),
  );
