import type { Annotation } from '../schema/annotation';

/** Where a highlight starts in the page's text, or Infinity when only its quote is known. */
function startOf(annotation: Annotation): number {
  const position = annotation.selectors.find((s) => s.type === 'TextPositionSelector');
  return position && 'start' in position ? position.start : Number.POSITIVE_INFINITY;
}

/** Highlights in the order they appear on the page (by recorded position; ties keep the given order). */
export function inDocumentOrder(annotations: readonly Annotation[]): Annotation[] {
  return annotations
    .map((a, i) => ({ a, i, at: startOf(a) }))
    .sort((x, y) => x.at - y.at || x.i - y.i)
    .map(({ a }) => a);
}
