// What counts as the researcher's selection (issue 11): words in the page's body, outside form
// fields, and, when it is about to be saved, still exactly what their own gesture selected. The
// page's script can change the selection at any moment; these checks say whether it did.

/** The selection as the researcher's gesture left it, with its words at that moment. */
export interface Gesture {
  range: Range;
  text: string;
}

/** Why words are refused: some of them are hidden on the page. */
export const HIDDEN_WORDS =
  'These words include text that is hidden on the page: nothing is saved from this selection.';
/** Why a save is refused: the selection is no longer the researcher's. */
export const CHANGED = 'Not saved: the selection changed after you made it.';

/** The selection to annotate: non-empty, inside the page body, not in a form field; a copy of it. */
export function usableSelectionOf(doc: Document): Range | null {
  const selection = doc.defaultView?.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const container = range.commonAncestorContainer;
  if (!doc.body.contains(container)) return null;
  const element = container.nodeType === 1 ? (container as Element) : container.parentElement;
  if (element?.closest('input, textarea, [contenteditable=""], [contenteditable="true"]')) return null;
  return selection.toString().trim() ? range.cloneRange() : null;
}

/** True while the page's selection is still exactly the gesture's, over the same words. */
export function selectionIsStill(doc: Document, gesture: Gesture): boolean {
  const selection = doc.defaultView?.getSelection();
  if (!selection || selection.rangeCount === 0) return false;
  const now = selection.getRangeAt(0);
  return (
    now.compareBoundaryPoints(Range.START_TO_START, gesture.range) === 0 &&
    now.compareBoundaryPoints(Range.END_TO_END, gesture.range) === 0 &&
    gesture.range.toString() === gesture.text
  );
}

/** Whether two texts say the same words (the browser's menu and the page may space them differently). */
export const sameWords = (a: string, b: string) => squash(a) === squash(b);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
