import { createCodePointIndex, type CodePointIndex } from './code-points';
import { countAtMost, countBelow } from './sorted-search';
import type { TextSpan } from './text-position';

// The page's text as the anchoring code sees it: its Text nodes' data in document order, without
// code (<script>, <style>) or fallbacks (<noscript>, <template>). The extension's own UI is in a
// closed shadow root, which a walk of the light DOM never enters, so no attribute is needed to skip
// it (an attribute a page could put on its own text to hide it from anchoring). Built once per page
// version; every lookup afterwards is a binary search over the nodes' start offsets.

/** A snapshot of `root`'s text and where each Text node starts in it; rebuild after the DOM changes. */
export interface TextIndex {
  readonly root: Node;
  readonly text: string;
  /** Non-empty Text nodes in document order. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`; strictly increasing. */
  readonly starts: Uint32Array;
  /** W3C positions count code points; built with the index so anchoring never rescans the text. */
  readonly codePoints: CodePointIndex;
  /** Position of a node in `nodes`, or -1 when it is not indexed. */
  indexOf(node: Node): number;
}

// Node.TEXT_NODE etc., spelled out so this module does not need a global Node.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_POSITION_FOLLOWING = 4;
const DOCUMENT_POSITION_CONTAINED_BY = 16;
const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);

/** Indexes the text of `root` (usually `document.body`) in one pass. */
export function indexText(root: Node): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  const add = (node: Text) => {
    if (node.data.length === 0) return;
    nodes.push(node);
    starts.push(offset);
    parts.push(node.data);
    offset += node.data.length;
  };
  if (isText(root)) add(root);
  let current: Node | null = root.firstChild;
  while (current) {
    if (isText(current)) add(current);
    else if (current.nodeType === ELEMENT_NODE && !isSkipped(current as Element) && current.firstChild) {
      current = current.firstChild;
      continue;
    }
    while (current && current !== root && !current.nextSibling) current = current.parentNode;
    current = current && current !== root ? current.nextSibling : null;
  }
  const text = parts.join('');
  let positions: Map<Node, number> | undefined;
  return {
    root,
    text,
    nodes,
    starts: Uint32Array.from(starts),
    codePoints: createCodePointIndex(text),
    indexOf(node) {
      // Built on first use: describing a selection needs it, anchoring does not.
      positions ??= new Map(nodes.map((n, i) => [n, i]));
      return positions.get(node) ?? -1;
    },
  };
}

/** A DOM Range over the text between two UTF-16 offsets (clamped to the text). */
export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range {
  const range = documentOf(index.root).createRange();
  const from = clamp(start, 0, index.text.length);
  const to = clamp(end, from, index.text.length);
  const [startNode, startOffset] = locate(index, from, true);
  // A collapsed range stays at one point rather than straddling a node boundary backwards.
  const [endNode, endOffset] = to === from ? [startNode, startOffset] : locate(index, to, false);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

/** The offsets a Range covers in the index's text, or null when it lies outside `root`. Ranges
 *  whose boundaries are elements (a triple-click selection) or skipped nodes work too. */
export function offsetsFromRange(index: TextIndex, range: Range): TextSpan | null {
  const rootRange = documentOf(index.root).createRange();
  rootRange.selectNodeContents(index.root);
  let startSide: number;
  let endSide: number;
  try {
    startSide = rootRange.comparePoint(range.startContainer, range.startOffset);
    endSide = rootRange.comparePoint(range.endContainer, range.endOffset);
  } catch {
    return null; // another document or a detached tree
  }
  if (startSide > 0 || endSide < 0 || (startSide < 0 && endSide === startSide)) return null;
  const start = startSide < 0 ? 0 : offsetOf(index, range.startContainer, range.startOffset);
  const end = endSide > 0 ? index.text.length : offsetOf(index, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}

function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

function isSkipped(element: Element): boolean {
  return SKIPPED.has(element.localName);
}

function documentOf(node: Node): Document {
  return node.ownerDocument ?? (node as Document);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

// The node and offset of a text offset. A start at a node boundary goes to the next node and an
// end to the previous one, so a range never begins at the end of a node or ends at the start of one.
function locate(index: TextIndex, offset: number, isStart: boolean): [Node, number] {
  const { nodes, starts } = index;
  if (nodes.length === 0) return [index.root, 0];
  const i = Math.max(0, (isStart ? countAtMost(starts, offset) : countBelow(starts, offset)) - 1);
  const node = nodes[i] as Text;
  return [node, clamp(offset - (starts[i] as number), 0, node.data.length)];
}

// The text offset of a DOM boundary point inside root: direct for an indexed Text node, otherwise
// the start of the first indexed node after the point (binary search in document order).
function offsetOf(index: TextIndex, container: Node, offset: number): number {
  const { nodes, starts, text } = index;
  const position = isText(container) ? index.indexOf(container) : -1;
  if (position >= 0) return (starts[position] as number) + clamp(offset, 0, (container as Text).data.length);
  let isAfter: (node: Node) => boolean;
  const child = container.childNodes[offset];
  if (container.nodeType !== ELEMENT_NODE && !container.hasChildNodes()) {
    // Inside a skipped Text node, a comment or a processing instruction.
    isAfter = (node) => (container.compareDocumentPosition(node) & DOCUMENT_POSITION_FOLLOWING) !== 0;
  } else if (child) {
    isAfter = (node) => node === child || (child.compareDocumentPosition(node) & DOCUMENT_POSITION_FOLLOWING) !== 0;
  } else {
    isAfter = (node) => {
      const relation = container.compareDocumentPosition(node);
      return (relation & DOCUMENT_POSITION_FOLLOWING) !== 0 && (relation & DOCUMENT_POSITION_CONTAINED_BY) === 0;
    };
  }
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isAfter(nodes[mid] as Node)) high = mid;
    else low = mid + 1;
  }
  return low < nodes.length ? (starts[low] as number) : text.length;
}
