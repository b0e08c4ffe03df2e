import type { Annotation } from '../schema/annotation';
import type { KindDefinition } from '../schema/kinds';
import { plainReason } from '../messaging/send-to-background';
import { el, placeNear } from './dom';
import { quoteOf } from '../schema/quote-of';

// The card a researcher opens by clicking a highlight: what it is, the exact words, the note, what
// it is linked to, and the two changes made on the spot: its kind, or deleting it (with undo).
// Nothing is typed here: key and input events in the page's document reach the page's own
// listeners (they are composed), so the note and the link search live in the side panel, which
// the card opens at this highlight. The card has a fixed size, so its box tells nothing of the note.

/** What the card asks its owner to do. */
export interface CardActions {
  changeKind(id: string, kind: string): Promise<void>;
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  /** Opens the side panel at this highlight, for its note and links. */
  openPanel(id: string): Promise<void>;
}

/** Names of the records a highlight links to. */
export interface CardLinks {
  persons: string[];
  cases: string[];
}

/** The card's controls for its owner. */
export interface HighlightCard {
  open(annotation: Annotation, links: CardLinks, rect: { left: number; top: number; bottom: number }): void;
  /** After a delete: say so and offer undo for a while. */
  showDeleted(seconds: number): void;
  close(): void;
  readonly openId: string | null;
  error(message: string): void;
}

/** Builds the card inside `layer` (a node of the extension's shadow root). */
export function createHighlightCard(
  layer: HTMLElement,
  view: Window,
  kinds: () => readonly KindDefinition[],
  actions: CardActions,
): HighlightCard {
  const doc = layer.ownerDocument;
  const panel = el(doc, 'div', { class: 'sa-panel sa-card', role: 'dialog', 'aria-label': 'Highlight' });
  panel.hidden = true;
  layer.append(panel);
  let openId: string | null = null;
  let undoTimer: number | undefined;
  const status = () => el(doc, 'p', { class: 'sa-message', role: 'status' });
  let statusLine = status();

  const run = (work: Promise<void>) => work.catch((e: unknown) => card.error(plainReason(e)));

  const card: HighlightCard = {
    get openId() {
      return openId;
    },
    open(annotation, links, rect) {
      openId = annotation.id;
      view.clearTimeout(undoTimer);
      const select = el(doc, 'select', { 'aria-label': 'Kind' });
      for (const kind of kinds()) {
        const option = el(doc, 'option', { value: kind.id }, kind.label);
        option.selected = kind.id === annotation.kind;
        select.append(option);
      }
      select.addEventListener('change', () => void run(actions.changeKind(annotation.id, select.value)));
      const remove = el(doc, 'button', { type: 'button', class: 'sa-danger' }, 'Delete');
      remove.addEventListener('click', () => void run(actions.remove(annotation.id)));
      const close = el(doc, 'button', { type: 'button', class: 'sa-plain', 'aria-label': 'Close' }, '×');
      close.addEventListener('click', () => card.close());
      const linked = [...links.persons.map((n) => `Person: ${n}`), ...links.cases.map((t) => `Case: ${t}`)];
      const more = el(doc, 'button', { type: 'button', class: 'sa-plain' }, 'Note and links in the side panel');
      more.addEventListener('click', () => void run(actions.openPanel(annotation.id)));
      statusLine = status();
      panel.replaceChildren(
        el(doc, 'div', { class: 'sa-row' }, select, close),
        el(doc, 'blockquote', {}, quoteOf(annotation)),
        el(doc, 'p', { class: 'sa-muted' }, linked.length ? linked.join(' · ') : 'Not linked to a person or case yet.'),
        el(doc, 'p', { class: 'sa-note', 'aria-label': 'Note' }, annotation.note || 'No note.'),
        el(doc, 'div', { class: 'sa-row' }, more, remove),
        statusLine,
      );
      panel.hidden = false;
      placeNear(panel, rect, view);
      select.focus();
    },
    showDeleted(seconds) {
      const undo = el(doc, 'button', { type: 'button', class: 'sa-plain' }, 'Undo');
      undo.addEventListener('click', () => void run(actions.undoRemove().then(() => card.close())));
      panel.replaceChildren(el(doc, 'div', { class: 'sa-row', role: 'status' }, 'Highlight deleted.', undo));
      undo.focus();
      openId = null;
      undoTimer = view.setTimeout(() => card.close(), seconds * 1000);
    },
    close() {
      panel.hidden = true;
      panel.replaceChildren();
      openId = null;
    },
    error(message) {
      statusLine.replaceChildren(el(doc, 'span', { class: 'sa-error' }, message));
      if (!statusLine.isConnected) panel.append(statusLine);
    },
  };
  return card;
}
