import { el } from './dom';

// When highlights of this page cannot be found in its current text, the researcher is told on the
// page itself: nothing is deleted, nothing is moved to other words, and the side panel lists them.
// The notice comes up without any gesture of the researcher, so the page must not be able to find
// it: it takes no pointer events (`elementFromPoint` passes through it, as through the painted
// boxes) and goes away by itself; the side panel keeps the list.

/** The notice's control: how many highlights are orphaned right now. */
export interface OrphanNotice {
  update(orphans: readonly string[]): void;
}

const SHOWN_MS = 12_000;

/** Builds the notice inside `layer` (a node of the extension's shadow root); `setTimeout` hides it again. */
export function createOrphanNotice(
  layer: HTMLElement,
  setTimeout: (handler: () => void, ms: number) => number,
): OrphanNotice {
  const doc = layer.ownerDocument;
  const panel = el(doc, 'div', { class: 'sa-panel sa-notice', role: 'status', 'aria-label': 'Highlights not found' });
  panel.hidden = true;
  layer.append(panel);
  let told = -1;
  let shown = 0;
  return {
    update(orphans) {
      // Said once for each number of orphans, not again on every re-anchoring of a busy page.
      if (!orphans.length || told === orphans.length) {
        if (!orphans.length) panel.hidden = true;
        return;
      }
      told = orphans.length;
      const count = orphans.length === 1 ? '1 highlight' : `${orphans.length} highlights`;
      const sample = orphans.slice(0, 3).map((q) => `“${q.length > 60 ? `${q.slice(0, 57)}…` : q}”`);
      panel.replaceChildren(
        el(doc, 'span', {}, `${count} on this page could not be found in its current text: ${sample.join(', ')}.`),
        el(
          doc,
          'span',
          { class: 'sa-muted' },
          'Kept as orphans, never moved to other words. The side panel lists them.',
        ),
      );
      panel.hidden = false;
      const mine = ++shown;
      setTimeout(() => mine === shown && (panel.hidden = true), SHOWN_MS);
    },
  };
}
