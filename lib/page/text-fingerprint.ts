// A fingerprint of the page's text at capture lets a researcher later prove the page has changed
// since (or has not). It hashes the text as the reader sees it, with whitespace collapsed, so that
// re-rendering, reflowed markup or different line breaks do not count as a revision.

// Elements whose text is never shown to the reader.
const HIDDEN = new Set(['script', 'style', 'noscript', 'template']);

// DOM constants spelled out: a document from another window (or a test DOM) need not share our globals.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2; // skips the whole subtree

// Where there is no layout (tests, detached documents), walk the text nodes and skip hidden subtrees.
function textWithoutHidden(body: HTMLElement): string {
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(body, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (node) =>
      node.nodeType === ELEMENT_NODE && HIDDEN.has((node as Element).localName) ? FILTER_REJECT : FILTER_ACCEPT,
  });
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === TEXT_NODE) parts.push(node.nodeValue ?? '');
  }
  return parts.join('');
}

/** The body text the researcher sees, whitespace-collapsed (runs → one space, trimmed); '' without a body. */
export function visibleText(root: Document): string {
  const body = root.body as HTMLElement | null;
  if (!body) return '';
  // innerText follows the rendering (hidden elements out, blocks on their own lines); not every DOM has it.
  const raw = typeof body.innerText === 'string' ? body.innerText : textWithoutHidden(body);
  return raw.replace(/\s+/gu, ' ').trim();
}

/** Lower-case hex SHA-256 of `text` as UTF-8, the form Source.textSha256 stores. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
