import { UI_CSS } from './ui-styles';

// The extension's one element in the page: a host with a closed shadow root that holds the painted
// boxes and the in-page UI. The page sees the same empty element on every page (it may learn that
// the extension is installed, nothing more): no attributes, no light-DOM children, no styles of its
// own; what is inside, and how many boxes, cannot be read through a closed root. In discreet mode
// it is not even added until the researcher acts on the page.

/** The host and the layers inside it. */
export interface UiHost {
  readonly host: HTMLElement;
  /** The painted boxes (highlights, suggestions, flash), under the UI. */
  readonly paintLayer: HTMLElement;
  /** The toolbar, cards and notices. */
  readonly layer: HTMLElement;
  /** Puts the host into the page; until then nothing of the extension is in it. */
  attach(): void;
  readonly attached: boolean;
  /** True when an event came from inside the extension's UI (events arrive retargeted to the host). */
  isOwnEvent(event: Event): boolean;
  /** The focused element inside the shadow root, if any. */
  activeElement(): Element | null;
  /**
   * True when `panel` is really in front of the researcher: the host is where it was put and
   * neither it nor the panel is hidden, transparent, filtered, moved or cut away by page styles.
   */
  shows(panel: HTMLElement): boolean;
  remove(): void;
}

/** Builds the host for `doc`; it stays out of the page until `attach()`. */
export function createUiHost(doc: Document): UiHost {
  const view = doc.defaultView!;
  const host = doc.createElement('source-annotator-ui');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = UI_CSS;
  const paintLayer = doc.createElement('div');
  paintLayer.className = 'sa-paint';
  const layer = doc.createElement('div');
  layer.className = 'sa-layer';
  shadow.append(style, paintLayer, layer);

  const untouched = (element: Element) => {
    const s = view.getComputedStyle(element);
    return (
      s.opacity === '1' &&
      s.visibility === 'visible' &&
      s.filter === 'none' &&
      s.clipPath === 'none' &&
      s.transform === 'none' &&
      s.mixBlendMode === 'normal'
    );
  };
  return {
    host,
    paintLayer,
    layer,
    attach() {
      if (!host.isConnected) doc.documentElement.append(host);
    },
    get attached() {
      return host.isConnected;
    },
    isOwnEvent: (event) => event.composedPath().includes(host),
    activeElement: () => shadow.activeElement,
    shows(panel) {
      if (host.parentNode !== doc.documentElement || panel.hidden) return false;
      if (view.getComputedStyle(host).display !== 'contents') return false;
      if (panel.checkVisibility && !panel.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
        return false;
      }
      if (!untouched(panel) || !untouched(layer)) return false;
      const r = panel.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        r.left >= 0 &&
        r.top >= 0 &&
        r.right <= view.innerWidth &&
        r.bottom <= view.innerHeight
      );
    },
    remove: () => host.remove(),
  };
}
