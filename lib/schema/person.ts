import * as z from 'zod/mini';
import { Id, Instant, LIMITS, text, uniqueTexts } from './primitives';

/** A person the researcher tracks, with every spelling and script of the name met so far. */
export const Person = z.strictObject({
  id: Id,
  name: text(LIMITS.name, 1),
  /** Other spellings and scripts, e.g. "Зінаіда Міхнюк" beside "Zinaida Mikhniuk". */
  aliases: uniqueTexts(LIMITS.name),
  notes: text(LIMITS.note),
  created: Instant,
  modified: Instant,
});
export type Person = z.infer<typeof Person>;
