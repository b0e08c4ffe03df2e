import type { Overlay, OverlayItem } from '@/lib/annotator/overlay';
import type { UiHost } from '@/lib/annotator/ui-host';

// happy-dom lays nothing out (no client rects), so unit tests watch what the annotator asks the
// overlay to paint instead of boxes, and use a host with an open root whose UI counts as shown.
// The real overlay, host checks and visibility rules are covered end to end in Chromium.

/** An overlay that keeps the items of each layer. */
export function fakeOverlay(): Overlay & {
  items(layer: string): readonly OverlayItem[];
  painted(layer?: string): string;
} {
  const layers = new Map<string, readonly OverlayItem[]>();
  return {
    set: (layer, items) => void layers.set(layer, items),
    relayout: () => undefined,
    destroy: () => layers.clear(),
    items: (layer) => layers.get(layer) ?? [],
    painted: (layer = 'highlights') => (layers.get(layer) ?? []).map((i) => i.range.toString()).join(''),
  };
}

/** A UI host with an open shadow root the test can read; `shown` says whether the page left the UI alone. */
export function openUiHost(doc: Document, shown = () => true): UiHost & { root: ShadowRoot } {
  const host = doc.createElement('source-annotator-ui');
  const root = host.attachShadow({ mode: 'open' });
  const paintLayer = doc.createElement('div');
  const layer = doc.createElement('div');
  root.append(paintLayer, layer);
  return {
    host,
    root,
    paintLayer,
    layer,
    attach: () => void (host.isConnected || doc.documentElement.append(host)),
    get attached() {
      return host.isConnected;
    },
    isOwnEvent: (event) => event.composedPath().includes(host),
    activeElement: () => root.activeElement,
    shows: (panel) => !panel.hidden && shown(),
    remove: () => host.remove(),
  };
}
