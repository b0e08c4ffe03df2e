// Small helpers to build the in-page UI from elements and text nodes only: no HTML strings, so
// nothing from the page can ever be parsed as markup.

/** Creates an element with attributes and text or child nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  return element;
}

/** Places a fixed-position panel near a rectangle, inside the viewport, above it when there is no room below. */
export function placeNear(panel: HTMLElement, rect: { left: number; top: number; bottom: number }, view: Window): void {
  const gap = 8;
  const width = panel.offsetWidth || 300;
  const height = panel.offsetHeight || 40;
  const left = Math.max(gap, Math.min(rect.left, view.innerWidth - width - gap));
  const below = rect.bottom + gap;
  const top = below + height < view.innerHeight ? below : Math.max(gap, rect.top - height - gap);
  panel.style.left = `${left}px`;
  panel.style.top = `${top}px`;
}
