import type { KindDefinition } from '../schema/kinds';
import type { Overlay } from './overlay';
import { textRects } from './text-rects';

// Paints highlights in each kind's colour as boxes of the overlay (see overlay.ts: nothing in the
// page's DOM, registry or style sheets). The boxes multiply with the page, so on a light page the
// words stay dark on the kind's colour.

/** One highlight to paint. */
export interface PaintItem {
  id: string;
  kind: string;
  range: Range;
}

/** The painter's controls. */
export interface HighlightPainter {
  /** Replaces everything painted with `items`. */
  paint(items: readonly PaintItem[]): void;
  setKinds(kinds: readonly KindDefinition[]): void;
  /** The id of the highlight under a viewport point, or null. */
  hitTest(x: number, y: number): string | null;
  /** Briefly outlines one highlight, e.g. after the side panel asks to show it. */
  flash(id: string): void;
}

const FLASH_MS = 1500;
const FALLBACK_COLOUR = '#fde68a';

/** Creates the painter over `overlay`; `setTimeout` ends the flash (the content script's lifecycle). */
export function createHighlightPainter(
  overlay: Overlay,
  setTimeout: (handler: () => void, ms: number) => number,
): HighlightPainter {
  let colours = new Map<string, string>();
  let items: readonly PaintItem[] = [];
  const draw = () =>
    overlay.set(
      'highlights',
      items.map((i) => ({ range: i.range, className: 'sa-box', color: colours.get(i.kind) ?? FALLBACK_COLOUR })),
    );
  return {
    setKinds(kinds) {
      colours = new Map(kinds.map((k) => [k.id, k.color]));
      draw();
    },
    paint(next) {
      items = next;
      draw();
    },
    hitTest(x, y) {
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i]!;
        for (const r of textRects(item.range)) {
          if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return item.id;
        }
      }
      return null;
    },
    flash(id) {
      const item = items.find((i) => i.id === id);
      if (!item) return;
      overlay.set('flash', [{ range: item.range, className: 'sa-flash' }]);
      // A timer, not a CSS animation: document.getAnimations() would list an animation in our root.
      setTimeout(() => overlay.set('flash', []), FLASH_MS);
    },
  };
}
