// The generated page as data: blocks of text (headings, paragraphs, list items) with inline marks,
// rendered into real DOM. Edits are made on this model, so every quote's place in the edited page
// (the ground truth) is computed, never guessed.

export type InlineTag = 'a' | 'b' | 'em';
export type BlockTag = 'h2' | 'h3' | 'p' | 'li';

/** Inline markup over [start, end) of a block's text. */
export interface Mark {
  start: number;
  end: number;
  tag: InlineTag;
}

export interface Block {
  /** Stable across edits, so an annotation's block is found in every version of the page. */
  id: number;
  /** Blocks of one article are rendered inside one <article>. */
  article: number;
  tag: BlockTag;
  text: string;
  /** Sorted, non-overlapping. */
  marks: Mark[];
}

/** A replacement of `remove` characters at `at` by `insert`, in a block's text. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Where a block-text offset moves to after the block's edits; `side` tells insertions exactly at
 *  the offset whether they come before a quote's start or after its end. */
export type OffsetMap = (offset: number, side: 'start' | 'end') => number;

/** The page as rendered: its text (as indexText reads it) and where each block's text starts. */
export interface RenderedPage {
  text: string;
  starts: Map<number, number>;
  textNodes: number;
  elements: number;
}

/** Applies non-overlapping edits to a block; marks follow the text they cover. */
export function editBlock(block: Block, edits: readonly Edit[]): { block: Block; map: OffsetMap } {
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    if (sorted[i]!.at < previous.at + previous.remove) throw new Error(`overlapping edits in block ${block.id}`);
  }
  let text = '';
  let from = 0;
  for (const edit of sorted) {
    text += block.text.slice(from, edit.at) + edit.insert;
    from = edit.at + edit.remove;
  }
  text += block.text.slice(from);
  const map: OffsetMap = (offset, side) => {
    let shift = 0;
    for (const edit of sorted) {
      const end = edit.at + edit.remove;
      const before = side === 'start' ? end <= offset : end < offset || (end === offset && edit.remove > 0);
      if (before) {
        shift += edit.insert.length - edit.remove;
      } else if (edit.at < offset) {
        // The offset falls inside a replaced stretch: a start stays at its beginning, an end
        // takes all of the replacement.
        return side === 'start' ? edit.at + shift : edit.at + edit.insert.length + shift;
      } else {
        break;
      }
    }
    return offset + shift;
  };
  const marks = block.marks
    .map((m) => ({ start: map(m.start, 'start'), end: map(m.end, 'end'), tag: m.tag }))
    .filter((m) => m.end > m.start);
  return { block: { ...block, text, marks }, map };
}

/**
 * Renders `blocks` into `root` as a news site's HTML would arrive: <article> elements holding
 * headings, paragraphs and lists, inline <a>/<b>/<em>, and a line break between block elements.
 * Text nodes are created in document order, so each block's start offset is known exactly.
 */
export function renderPage(root: HTMLElement, blocks: readonly Block[]): RenderedPage {
  const doc = root.ownerDocument;
  root.replaceChildren();
  const parts: string[] = [];
  const starts = new Map<number, number>();
  let offset = 0;
  let textNodes = 0;
  let elements = 0;
  const addText = (parent: Node, data: string) => {
    if (!data) return;
    parent.appendChild(doc.createTextNode(data));
    parts.push(data);
    offset += data.length;
    textNodes++;
  };
  const element = <K extends keyof HTMLElementTagNameMap>(parent: Node, tag: K): HTMLElementTagNameMap[K] => {
    addText(parent, '\n');
    const el = doc.createElement(tag);
    parent.appendChild(el);
    elements++;
    return el;
  };

  let article: HTMLElement | null = null;
  let articleId = -1;
  let list: HTMLUListElement | null = null;
  for (const block of blocks) {
    if (!article || block.article !== articleId) {
      article = element(root, 'article');
      articleId = block.article;
      list = null;
    }
    let parent: HTMLElement = article;
    if (block.tag === 'li') {
      list ??= element(article, 'ul');
      parent = list;
    } else {
      list = null;
    }
    const el = element(parent, block.tag);
    starts.set(block.id, offset);
    let at = 0;
    for (const mark of block.marks) {
      addText(el, block.text.slice(at, mark.start));
      // Inline markup, unlike blocks, has no line break before it.
      const inline = doc.createElement(mark.tag);
      el.appendChild(inline);
      elements++;
      if (mark.tag === 'a') inline.setAttribute('href', '#');
      addText(inline, block.text.slice(mark.start, mark.end));
      at = mark.end;
    }
    addText(el, block.text.slice(at));
  }
  addText(root, '\n');
  return { text: parts.join(''), starts, textNodes, elements };
}
