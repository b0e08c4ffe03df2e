import { el } from './dom';

// When highlights of this page cannot be found in its current text, the researcher is told on the
// page itself: nothing is deleted, nothing is moved to other words, and the side panel lists them.

/** The notice's control: how many highlights are orphaned right now. */
export interface OrphanNotice {
  update(orphans: readonly string[]): void;
}

/** Builds the notice inside `layer` (a node of the extension's shadow root). */
export function createOrphanNotice(layer: HTMLElement): OrphanNotice {
  const doc = layer.ownerDocument;
  const panel = el(doc, 'div', { class: 'sa-panel sa-notice', role: 'status', 'aria-label': 'Highlights not found' });
  panel.hidden = true;
  layer.append(panel);
  let dismissed = -1;
  return {
    update(orphans) {
      if (!orphans.length || dismissed === orphans.length) {
        panel.hidden = true;
        return;
      }
      const close = el(doc, 'button', { type: 'button', class: 'sa-plain', 'aria-label': 'Dismiss' }, '×');
      close.addEventListener('click', () => {
        dismissed = orphans.length;
        panel.hidden = true;
      });
      const count = orphans.length === 1 ? '1 highlight' : `${orphans.length} highlights`;
      const sample = orphans.slice(0, 3).map((q) => `“${q.length > 60 ? `${q.slice(0, 57)}…` : q}”`);
      panel.replaceChildren(
        el(
          doc,
          'div',
          { class: 'sa-row' },
          el(doc, 'span', {}, `${count} on this page could not be found in its current text: ${sample.join(', ')}.`),
          close,
        ),
        el(
          doc,
          'span',
          { class: 'sa-muted' },
          'Kept as orphans, never moved to other words. The side panel lists them.',
        ),
      );
      panel.hidden = false;
    },
  };
}
