import type { KindDefinition } from '../schema/kinds';
import { el, placeNear } from './dom';

// The toolbar that appears beside a selection: one button per kind, named by the kind so screen
// readers and tests find "Person", "Case", "Fact"; keys 1–9 pick a kind; arrows move between them.

/** What the toolbar tells its owner. */
export interface ToolbarEvents {
  pick: (kind: string) => void;
  dismiss: () => void;
}

/** The toolbar's controls for its owner. */
export interface SelectionToolbar {
  show(rect: { left: number; top: number; bottom: number }): void;
  hide(): void;
  readonly visible: boolean;
  setKinds(kinds: readonly KindDefinition[]): void;
  /** Shows that a save is under way; buttons are disabled until it ends. */
  busy(on: boolean): void;
  /** Shows why a save failed, in the toolbar itself. */
  error(message: string): void;
  /** Moves keyboard focus into the toolbar. */
  focus(): void;
  /** Handles a key pressed while the toolbar is up; true when the key was used. */
  handleKey(event: KeyboardEvent): boolean;
}

/** Builds the toolbar inside `layer` (a node of the extension's shadow root). */
export function createSelectionToolbar(layer: HTMLElement, view: Window, events: ToolbarEvents): SelectionToolbar {
  const doc = layer.ownerDocument;
  const bar = el(doc, 'div', { class: 'sa-toolbar', role: 'toolbar', 'aria-label': 'Annotate selection' });
  const message = el(doc, 'div', { class: 'sa-message', role: 'alert' });
  const panel = el(doc, 'div', { class: 'sa-panel' }, bar, message);
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

  const moveFocus = (delta: number) => {
    const current = buttons.findIndex((b) => b === (layer.getRootNode() as ShadowRoot).activeElement);
    const next = buttons[(Math.max(current, 0) + delta + buttons.length) % buttons.length];
    buttons.forEach((b) => b.setAttribute('tabindex', b === next ? '0' : '-1'));
    next?.focus();
  };

  return {
    show(rect) {
      message.replaceChildren();
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
      buttons.forEach((b) => (b.disabled = on));
      bar.setAttribute('aria-busy', String(on));
    },
    error(text) {
      message.replaceChildren(el(doc, 'span', { class: 'sa-error' }, text));
    },
    focus() {
      buttons[0]?.focus();
    },
    handleKey(event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return false;
      const digit = Number(event.key);
      if (Number.isInteger(digit) && digit >= 1 && digit <= Math.min(9, kinds.length)) {
        events.pick(kinds[digit - 1]!.id);
        return true;
      }
      if (event.key === 'Escape') {
        events.dismiss();
        return true;
      }
      const inBar = buttons.includes((layer.getRootNode() as ShadowRoot).activeElement as HTMLButtonElement);
      if (!inBar && event.key === 'Tab' && !event.shiftKey) {
        // A keyboard user reaches the toolbar with Tab right after selecting.
        buttons[0]?.focus();
        return true;
      }
      if (inBar && (event.key === 'ArrowRight' || event.key === 'ArrowDown')) moveFocus(1);
      else if (inBar && (event.key === 'ArrowLeft' || event.key === 'ArrowUp')) moveFocus(-1);
      else return false;
      return true;
    },
  };
}
