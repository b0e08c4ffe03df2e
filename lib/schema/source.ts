import * as z from 'zod/mini';
import { HttpUrl, Id, Instant, LIMITS, PageDate, text } from './primitives';

/** The page as the researcher saw it: addresses, declared metadata, and a fingerprint of its text. */
export const Source = z.strictObject({
  id: Id,
  /** The URL in the address bar when the first record was made. */
  url: HttpUrl,
  /** The page's declared canonical URL, normalised (no tracking parameters, no fragment). */
  canonicalUrl: z.nullable(HttpUrl),
  title: text(LIMITS.title),
  siteName: z.nullable(text(LIMITS.label)),
  /** Bylines as the page gives them, in order. */
  authors: z.array(text(LIMITS.name, 1)).check(z.maxLength(50)),
  /** BCP 47 language tag as declared by the page (`<html lang>`, og:locale, JSON-LD). */
  lang: z.nullable(text(35, 1)),
  publishedTime: z.nullable(PageDate),
  modifiedTime: z.nullable(PageDate),
  firstAccessed: Instant,
  lastAccessed: Instant,
  /** Lower-case hex SHA-256 of the page's visible text at capture, to detect later revisions. */
  textSha256: z.nullable(z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'))),
});
export type Source = z.infer<typeof Source>;
