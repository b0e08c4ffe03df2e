import type { Lifecycle } from './page-annotator';
import { clipOf, textRects, type Edges } from './text-rects';

// Painting without touching the page: every highlight, suggestion underline and flash is a box in
// the extension's closed shadow root, placed over the words from their client rectangles. The page's
// DOM, its highlight registry (`CSS.highlights`) and its style sheets stay as they were, so a page
// script cannot read what the researcher highlighted or which names the registry knows.
//
// Boxes are laid out in page coordinates on a stage that is moved by the scroll offset, so scrolling
// costs one style write; a layout change (resize, zoom, fonts, DOM or attribute changes, a scrolled
// inner box) measures every box again, at most once a frame.

/** One thing to paint: a range and how its boxes look. */
export interface OverlayItem {
  range: Range;
  className: string;
  /** Background colour of the boxes (a kind's colour). */
  color?: string;
}

/** The overlay's controls. */
export interface Overlay {
  /** Replaces what one layer paints ('highlights', 'suggestions', 'flash'), and draws it now. */
  set(layer: string, items: readonly OverlayItem[]): void;
  /** Lays every box out again (called by the overlay itself when the layout changes). */
  relayout(): void;
  destroy(): void;
}

/** Attributes whose change can move words on the page. */
const LAYOUT_ATTRIBUTES = ['class', 'style', 'hidden', 'open', 'width', 'height', 'src', 'srcset', 'dir', 'lang'];

/** A box in page coordinates, measured once per layout. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
  className: string;
  color?: string;
}

/** Creates the overlay painting into `container` (a layer of the shadow root) over `doc`. */
export function createOverlay(doc: Document, container: HTMLElement, life: Lifecycle): Overlay {
  const view = doc.defaultView!;
  const stage = doc.createElement('div');
  stage.className = 'sa-stage';
  container.append(stage);
  const layers = new Map<string, { group: HTMLElement; items: readonly OverlayItem[]; boxes: Box[] }>();
  let frame = 0;
  // Only the boxes near the viewport are in the shadow root (a band of three screens): a page with
  // a thousand highlights draws tens of elements, and scrolling redraws them from the measured
  // boxes, without reading the layout, when the viewport nears the band's edge.
  let band = { top: 0, bottom: -1 };

  const measure = (items: readonly OverlayItem[]): Box[] => {
    const x = view.scrollX;
    const y = view.scrollY;
    const boxes: Box[] = [];
    const clips = new Map<Element, Edges>();
    for (const item of items) {
      const start = item.range.startContainer;
      if (!start.isConnected) continue;
      const clip = clipOf(start.nodeType === 1 ? (start as Element) : start.parentElement, view, clips);
      for (const r of textRects(item.range)) {
        const left = Math.max(r.left, clip.left);
        const top = Math.max(r.top, clip.top);
        const width = Math.min(r.right, clip.right) - left;
        const height = Math.min(r.bottom, clip.bottom) - top;
        if (width > 0 && height > 0) boxes.push({ ...item, left: left + x, top: top + y, width, height });
      }
    }
    return boxes;
  };
  const draw = () => {
    const height = view.innerHeight;
    band = { top: view.scrollY - height, bottom: view.scrollY + 2 * height };
    for (const { group, boxes } of layers.values()) {
      const shown: HTMLElement[] = [];
      for (const b of boxes) {
        if (b.top + b.height < band.top || b.top > band.bottom) continue;
        const box = doc.createElement('div');
        box.className = b.className;
        // One style write per box (CSSOM, so a page's CSP on style attributes does not apply).
        box.style.cssText = `left:${b.left}px;top:${b.top}px;width:${b.width}px;height:${b.height}px${
          b.color ? `;background:${b.color}` : ''
        }`;
        shown.push(box);
      }
      group.replaceChildren(...shown);
    }
  };
  const follow = () => {
    stage.style.transform = `translate(${-view.scrollX}px, ${-view.scrollY}px)`;
    const height = view.innerHeight;
    if (view.scrollY < band.top + height / 2 || view.scrollY + height > band.bottom - height / 2) draw();
  };
  const relayout = () => {
    view.cancelAnimationFrame(frame);
    frame = 0;
    for (const layer of layers.values()) layer.boxes = measure(layer.items);
    draw();
    follow();
  };
  const painting = () => [...layers.values()].some((l) => l.items.length > 0);
  const soon = () => {
    if (!frame && painting()) frame = view.requestAnimationFrame(relayout);
  };

  // The page's own changes can move words without changing their text (a class toggled, an image
  // loaded, a font swapped); the overlay watches only while it paints something.
  const mutations = new MutationObserver(soon);
  const sizes = new ResizeObserver(soon);
  let watching = false;
  const watch = (on: boolean) => {
    if (on === watching) return;
    watching = on;
    if (!on) return void (mutations.disconnect(), sizes.disconnect());
    mutations.observe(doc.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      // Only attributes that move or hide words: a ticker rewriting data-* or aria-* every second
      // must not make the overlay measure every highlight again.
      attributeFilter: LAYOUT_ATTRIBUTES,
    });
    sizes.observe(doc.documentElement);
    if (doc.body) sizes.observe(doc.body);
  };
  life.addEventListener(
    view,
    'scroll',
    (event) => (event.target === doc || event.target === view ? follow() : soon()),
    { capture: true, passive: true },
  );
  life.addEventListener(view, 'resize', soon, { passive: true });
  life.onInvalidated(() => overlay.destroy());

  const overlay: Overlay = {
    set(name, items) {
      let layer = layers.get(name);
      if (!layer) {
        layer = { group: doc.createElement('div'), items, boxes: [] };
        stage.append(layer.group);
        layers.set(name, layer);
      }
      layer.items = items;
      layer.boxes = measure(items);
      draw();
      follow();
      watch(painting());
    },
    relayout,
    destroy() {
      watch(false);
      view.cancelAnimationFrame(frame);
      stage.replaceChildren();
      layers.clear();
    },
  };
  return overlay;
}
