// Each reader (JSON-LD, meta tags, <time>, the document itself) reports what the page declares as raw
// candidates; source-metadata.ts ranks the readers and keeps the first candidate that survives cleaning.

/** Raw candidate values one kind of markup declares, best first; fields the markup cannot declare are absent. */
export type Declarations = {
  title?: string[];
  siteName?: string[];
  /** One list of bylines per declaration; a list is taken or skipped as a whole so spellings are not mixed. */
  authors?: string[][];
  lang?: string[];
  publishedTime?: string[];
  modifiedTime?: string[];
  canonicalUrl?: string[];
};
