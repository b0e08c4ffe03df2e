// Where a range's words are on screen, and whether the researcher can see them. Only the text is
// measured: `Range.getClientRects()` also returns the boxes of whole elements a range spans (a
// paragraph selected from its start), which would paint a block instead of the words.

const SHOW_TEXT = 4;

/** The Text nodes a range touches, each with the part of its data inside the range. */
function textParts(range: Range): { node: Text; start: number; end: number }[] {
  const start = range.startContainer;
  const end = range.endContainer;
  if (start === end && start.nodeType === 3) {
    return [{ node: start as Text, start: range.startOffset, end: range.endOffset }];
  }
  // Walk from the range's start to its end only: the common ancestor of two paragraphs may be the
  // whole article, and walking all of it for every highlight made painting a 1 MB page slow.
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const first = start.nodeType === 3 ? start : (start.childNodes[range.startOffset] ?? start);
  walker.currentNode = first;
  const parts: { node: Text; start: number; end: number }[] = [];
  for (let n: Node | null = first.nodeType === 3 ? first : walker.nextNode(); n; n = walker.nextNode()) {
    if (!range.intersectsNode(n)) {
      if (parts.length) break; // past the end
      continue;
    }
    const text = n as Text;
    const from = text === start ? range.startOffset : 0;
    const to = text === end ? range.endOffset : text.data.length;
    if (to > from) parts.push({ node: text, start: from, end: to });
    if (text === end) break;
  }
  return parts;
}

/** The viewport rectangles of the text a range covers (zero-size ones left out). */
export function textRects(range: Range): DOMRect[] {
  const parts = textParts(range);
  if (parts.length === 1 && parts[0]!.node === range.startContainer && parts[0]!.node === range.endContainer) {
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  }
  const doc = range.startContainer.ownerDocument!;
  const piece = doc.createRange();
  const rects: DOMRect[] = [];
  for (const { node, start, end } of parts) {
    piece.setStart(node, start);
    piece.setEnd(node, end);
    for (const r of piece.getClientRects()) if (r.width > 0 && r.height > 0) rects.push(r);
  }
  return rects;
}

const transparent = (colour: string) => colour === 'transparent' || /,\s*0\)$/.test(colour);

/** Whether the element that holds some text shows it: rendered, opaque, visible, coloured, not shrunk to a dot. */
function showsText(element: Element, view: Window): boolean {
  if (element.checkVisibility && !element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
    return false;
  }
  const box = element.getBoundingClientRect();
  if (box.width < 2 || box.height < 2) return false;
  return !transparent(view.getComputedStyle(element).color);
}

/**
 * True when every word of the range is text a person can see on the page: painted, not
 * transparent, not shrunk to nothing and not placed outside the page (the usual ways to hide
 * bait: `left: -9999px`, `opacity: 0`, `font-size: 0`, `color: transparent`, a 1px clip box).
 */
export function rangeIsVisible(range: Range): boolean {
  const doc = range.startContainer.ownerDocument;
  const view = doc?.defaultView;
  if (!doc || !view) return false;
  const parts = textParts(range).filter(({ node, start, end }) => /\S/.test(node.data.slice(start, end)));
  if (!parts.length) return false;
  const width = Math.max(doc.documentElement.scrollWidth, view.innerWidth);
  const height = Math.max(doc.documentElement.scrollHeight, view.innerHeight);
  const piece = doc.createRange();
  for (const { node, start, end } of parts) {
    const parent = node.parentElement;
    if (!parent || !showsText(parent, view)) return false;
    piece.setStart(node, start);
    piece.setEnd(node, end);
    const rects = [...piece.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const onPage = rects.some((r) => {
      const left = r.left + view.scrollX;
      const top = r.top + view.scrollY;
      return r.right + view.scrollX > 0 && r.bottom + view.scrollY > 0 && left < width && top < height;
    });
    if (!onPage) return false;
  }
  return true;
}

/** A viewport rectangle by its edges. */
export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const UNCLIPPED: Edges = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

/**
 * The part of the viewport where an element's content can show: the intersection of the boxes of
 * its ancestors that clip their overflow (a scrolled box, a carousel). Words scrolled out of such a
 * box must not be painted over whatever is drawn there instead. `cache` lives for one measuring pass.
 */
export function clipOf(element: Element | null, view: Window, cache: Map<Element, Edges>): Edges {
  if (!element || element === element.ownerDocument.body || element === element.ownerDocument.documentElement) {
    return UNCLIPPED;
  }
  const known = cache.get(element);
  if (known) return known;
  const outer = clipOf(element.parentElement, view, cache);
  const style = view.getComputedStyle(element);
  let clip = outer;
  if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
    const r = element.getBoundingClientRect();
    clip = {
      left: Math.max(outer.left, r.left),
      top: Math.max(outer.top, r.top),
      right: Math.min(outer.right, r.right),
      bottom: Math.min(outer.bottom, r.bottom),
    };
  }
  cache.set(element, clip);
  return clip;
}
