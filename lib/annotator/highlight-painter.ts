import { indexText, offsetsFromRange, rangeFromOffsets, type TextIndex } from '../anchoring/dom-text';
import type { TextSpan } from '../anchoring/text-position';
import type { KindDefinition } from '../schema/kinds';

// Paints highlights in each kind's colour. Where the CSS Custom Highlight API exists (Chrome 105+,
// Firefox 140+) the page's DOM is left untouched; elsewhere ranges are wrapped in <mark> elements.
// Text is always painted dark on the kind's light colour, so it stays legible on dark pages too.

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
  /** Removes all painting and styles. */
  destroy(): void;
  readonly mode: 'highlight-api' | 'marks';
}

const MARK_ATTRIBUTE = 'data-source-annotator-mark';
const FLASH = 'sa-flash';
const highlightName = (kind: string) => `sa-${kind}`;

function supportsHighlightApi(view: Window & typeof globalThis): boolean {
  return typeof view.CSS !== 'undefined' && 'highlights' in view.CSS && typeof view.Highlight === 'function';
}

/** Creates the painter for `doc`. */
export function createHighlightPainter(doc: Document): HighlightPainter {
  const view = doc.defaultView as Window & typeof globalThis;
  return supportsHighlightApi(view) ? highlightApiPainter(doc, view) : markPainter(doc);
}

function cssFor(kinds: readonly KindDefinition[]): string {
  const rules = kinds.map(
    (k) => `::highlight(${highlightName(k.id)}) { background-color: ${k.color}; color: #111111; }`,
  );
  return `${rules.join('\n')}\n::highlight(${FLASH}) { background-color: #ffe066; color: #000000; text-decoration: underline 3px #b3261e; }`;
}

function highlightApiPainter(doc: Document, view: Window & typeof globalThis): HighlightPainter {
  const sheet = new view.CSSStyleSheet();
  // An adopted sheet styles ::highlight() without adding an element to the page.
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  let items: readonly PaintItem[] = [];
  let names: string[] = [];

  return {
    mode: 'highlight-api',
    setKinds(kinds) {
      sheet.replaceSync(cssFor(kinds));
    },
    paint(next) {
      items = next;
      for (const name of names) view.CSS.highlights.delete(name);
      const byKind = new Map<string, Range[]>();
      for (const item of next) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item.range]);
      names = [];
      for (const [kind, ranges] of byKind) {
        view.CSS.highlights.set(highlightName(kind), new view.Highlight(...ranges));
        names.push(highlightName(kind));
      }
    },
    hitTest(x, y) {
      return hitTest(items, x, y);
    },
    flash(id) {
      const item = items.find((i) => i.id === id);
      if (!item) return;
      view.CSS.highlights.set(FLASH, new view.Highlight(item.range));
      view.setTimeout(() => view.CSS.highlights.delete(FLASH), 1500);
    },
    destroy() {
      for (const name of [...names, FLASH]) view.CSS.highlights.delete(name);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

/** Hit-tests by the ranges' client rectangles: works for both painters and needs no page changes. */
function hitTest(items: readonly PaintItem[], x: number, y: number): string | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    for (const r of item.range.getClientRects()) {
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return item.id;
    }
  }
  return null;
}

function markPainter(doc: Document): HighlightPainter {
  let colors = new Map<string, string>();
  let items: readonly PaintItem[] = [];
  const unwrapAll = () => {
    const parents = new Set<Node>();
    for (const mark of doc.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)) {
      if (mark.parentNode) parents.add(mark.parentNode);
      mark.replaceWith(...mark.childNodes);
    }
    // Rejoin only the text our marks split; the rest of the page keeps its nodes.
    for (const parent of parents) if (parent.isConnected) parent.normalize();
  };
  // Unwrapping and wrapping move and split Text nodes, which breaks live Ranges pointing into them
  // (the caller's, found on the painted page). Marks never change the text, so each range is
  // carried as text offsets of the body and set again on the nodes as they are afterwards.
  const setRange = (range: Range, index: TextIndex, span: TextSpan) => {
    const found = rangeFromOffsets(index, span.start, span.end);
    range.setStart(found.startContainer, found.startOffset);
    range.setEnd(found.endContainer, found.endOffset);
  };
  const wrap = (item: PaintItem) => {
    const walker = doc.createTreeWalker(item.range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE && item.range.intersectsNode(n)) texts.push(n as Text);
    }
    for (const text of texts) {
      const start = text === item.range.startContainer ? item.range.startOffset : 0;
      const end = text === item.range.endContainer ? item.range.endOffset : text.data.length;
      if (end <= start) continue;
      const middle = text.splitText(start);
      middle.splitText(end - start);
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, item.id);
      mark.style.backgroundColor = colors.get(item.kind) ?? '#fde68a';
      mark.style.color = '#111111';
      middle.replaceWith(mark);
      mark.append(middle);
    }
  };
  return {
    mode: 'marks',
    setKinds(kinds) {
      colors = new Map(kinds.map((k) => [k.id, k.color]));
    },
    paint(next) {
      const body = doc.body;
      const before = indexText(body);
      const spans = next.map((item) => offsetsFromRange(before, item.range));
      unwrapAll();
      items = next;
      let index = indexText(body);
      // Wrapping splits text nodes, so wrap from the end of the page: a wrap then never moves the
      // text of a highlight still to come, unless the two overlap (then the index is read again).
      const order = next.map((_, i) => i).filter((i) => spans[i]);
      order.sort((a, b) => spans[b]!.start - spans[a]!.start);
      let wrappedFrom = Infinity;
      for (const i of order) {
        const span = spans[i]!;
        if (span.end > wrappedFrom) index = indexText(body);
        setRange(next[i]!.range, index, span);
        wrap(next[i]!);
        wrappedFrom = Math.min(wrappedFrom, span.start);
      }
      const after = indexText(body);
      for (const i of order) setRange(next[i]!.range, after, spans[i]!);
    },
    hitTest(x, y) {
      return hitTest(items, x, y);
    },
    flash(id) {
      for (const mark of doc.querySelectorAll<HTMLElement>(`mark[${MARK_ATTRIBUTE}="${CSS.escape(id)}"]`)) {
        mark.style.outline = '3px solid #b3261e';
        setTimeout(() => (mark.style.outline = ''), 1500);
      }
    },
    destroy() {
      unwrapAll();
    },
  };
}
