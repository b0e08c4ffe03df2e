import type { KindDefinition } from '../schema/kinds';
import { el, placeNear } from './dom';

// The toolbar that appears beside a selection: the words it will save, shown inside the closed
// shadow root where the page cannot change them, and one button per kind, named by the kind so
// screen readers and tests find "Person", "Case", "Fact". While the toolbar has focus, keys 1–9 pick
// a kind and arrows move between them; keys pressed elsewhere are the page's.

/** What the toolbar tells its owner. */
export interface ToolbarEvents {
  pick: (kind: string) => void;
  dismiss: () => void;
}

/** The toolbar's controls for its owner. */
export interface SelectionToolbar {
  /** Shows the toolbar by `rect` with the words it will save; `refusal` disables the kinds and says why. */
  show(rect: { left: number; top: number; bottom: number }, quote: string, refusal?: string): void;
  hide(): void;
  readonly visible: boolean;
  setKinds(kinds: readonly KindDefinition[]): void;
  /** Shows that a save is under way; buttons are disabled until it ends. */
  busy(on: boolean): void;
  /** Shows why a save failed, in the toolbar itself. */
  error(message: string): void;
  /** Moves keyboard focus into the toolbar. */
  focus(): void;
  /** True when keyboard focus is on one of the toolbar's buttons. */
  hasFocus(): boolean;
  /** The panel, for checking that the page has not hidden or moved it. */
  readonly element: HTMLElement;
  /** Handles a key pressed while the toolbar has focus; true when the key was used. */
  handleKey(event: KeyboardEvent): boolean;
}

/** Builds the toolbar inside `layer` (a node of the extension's shadow root). */
export function createSelectionToolbar(layer: HTMLElement, view: Window, events: ToolbarEvents): SelectionToolbar {
  const doc = layer.ownerDocument;
  const bar = el(doc, 'div', { class: 'sa-toolbar', role: 'toolbar', 'aria-label': 'Annotate selection' });
  const message = el(doc, 'div', { class: 'sa-message', role: 'alert' });
  const words = el(doc, 'div', { class: 'sa-quote', 'aria-label': 'Words to save' });
  const panel = el(doc, 'div', { class: 'sa-panel' }, words, bar, message);
  panel.hidden = true;
  layer.append(panel);
  let kinds: readonly KindDefinition[] = [];
  let buttons: HTMLButtonElement[] = [];

  const render = () => {
    buttons = kinds.map((kind, i) => {
      const swatch = el(doc, 'span', { class: 'sa-swatch', 'aria-hidden': 'true' });
      // CSSOM rather than a style attribute: a page's CSP may forbid inline style attributes.
      swatch.style.background = kind.color;
      const button = el(
        doc,
        'button',
        { type: 'button', 'aria-label': kind.label, 'data-kind': kind.id, tabindex: i === 0 ? '0' : '-1' },
        swatch,
        kind.label,
      );
      if (i < 9) button.append(el(doc, 'span', { class: 'sa-key', 'aria-hidden': 'true' }, String(i + 1)));
      // mousedown would move focus and collapse the page's selection before the click lands.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', (event) => event.isTrusted && events.pick(kind.id));
      return button;
    });
    bar.replaceChildren(...buttons);
  };

  const focused = () => (layer.getRootNode() as ShadowRoot).activeElement;
  let refused = false;
  const moveFocus = (delta: number) => {
    const current = buttons.findIndex((b) => b === focused());
    const next = buttons[(Math.max(current, 0) + delta + buttons.length) % buttons.length];
    buttons.forEach((b) => b.setAttribute('tabindex', b === next ? '0' : '-1'));
    next?.focus();
  };

  return {
    show(rect, quote, refusal) {
      const shown = quote.replace(/\s+/g, ' ').trim();
      words.replaceChildren(
        el(doc, 'q', {}, shown.length > 160 ? `${shown.slice(0, 100)} … ${shown.slice(-50)}` : shown),
      );
      refused = !!refusal;
      buttons.forEach((b) => (b.disabled = refused));
      message.replaceChildren(...(refusal ? [el(doc, 'span', { class: 'sa-error' }, refusal)] : []));
      panel.hidden = false;
      placeNear(panel, rect, view);
    },
    hide() {
      panel.hidden = true;
      message.replaceChildren();
    },
    get visible() {
      return !panel.hidden;
    },
    setKinds(next) {
      kinds = next;
      render();
    },
    busy(on) {
      buttons.forEach((b) => (b.disabled = on || refused));
      bar.setAttribute('aria-busy', String(on));
    },
    error(text) {
      message.replaceChildren(el(doc, 'span', { class: 'sa-error' }, text));
    },
    focus() {
      buttons[0]?.focus();
    },
    hasFocus: () => buttons.includes(focused() as HTMLButtonElement),
    element: panel,
    handleKey(event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return false;
      const digit = Number(event.key);
      if (Number.isInteger(digit) && digit >= 1 && digit <= Math.min(9, kinds.length)) {
        if (!refused) events.pick(kinds[digit - 1]!.id);
        return true;
      }
      if (event.key === 'Escape') events.dismiss();
      else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') moveFocus(1);
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') moveFocus(-1);
      else return false;
      return true;
    },
  };
}
