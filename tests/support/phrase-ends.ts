// Runs inside the page (Playwright and Puppeteer both send it as source, so it uses nothing from
// outside): where the first and last characters of the `occurrence`-th match of `phrase` are drawn,
// in viewport coordinates, after scrolling it into view; null when the phrase is not on the page.

/** A character's box in the viewport. */
export interface CharBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The boxes of a phrase's first and last characters (see above). */
export function phraseEndsInPage({ phrase, occurrence }: { phrase: string; occurrence: number }) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    text += (n as Text).data;
  }
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) return null;
  const locate = (offset: number) => {
    let start = 0;
    for (const node of nodes) {
      if (offset < start + node.data.length) return { node, offset: offset - start };
      start += node.data.length;
    }
    throw new Error('offset beyond text');
  };
  const rectOf = (offset: number): CharBox => {
    const { node, offset: o } = locate(offset);
    const range = document.createRange();
    range.setStart(node, o);
    range.setEnd(node, o + 1);
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  locate(at).node.parentElement?.scrollIntoView({ block: 'center' });
  return { first: rectOf(at), last: rectOf(at + phrase.length - 1) };
}
