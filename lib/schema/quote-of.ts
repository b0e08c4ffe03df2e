import type { Annotation } from './annotation';

// Zod-free on purpose: the content script uses it, and importing the schema module would bundle Zod.

/** The exact words of a highlight (the schema requires every highlight to have a TextQuoteSelector). */
export function quoteOf(annotation: Pick<Annotation, 'selectors'>): string {
  return annotation.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
}
