import { describeRange } from '../anchoring/dom-anchor';
import { indexText, offsetsFromRange, rangeFromOffsets } from '../anchoring/dom-text';
import type { SourceCapture, Suggestion } from '../messaging/protocol';
import { MAX_SCAN_TEXT, type PageSuggestion } from '../messaging/protocol-content';
import type { Annotation } from '../schema/annotation';
import type { Selector } from '../schema/selectors';
import { el, placeNear } from './dom';
import type { Overlay } from './overlay';
import type { Lifecycle } from './page-annotator';
import { plainReason } from '../messaging/send-to-background';
import { rescanNeeded } from './text-change';
import { rangeIsVisible } from './text-rects';

// Known-entity suggestions on the page: the background finds registered persons and legal articles
// in the page's text and answers with offsets; this marks them with a dotted underline of their own
// (a CSS highlight named sa-suggestion, nothing like a painted highlight) and turns one into a linked
// highlight when the researcher accepts it. Kept small: it ships in every page's content script.
// The underline is a box of the overlay, in the extension's closed shadow root: the page cannot
// read which of its names the registry knows. Words the researcher cannot see (off-screen,
// transparent, zero-size: a hidden list of names is the way to probe a registry) are not suggested.
// Text that arrives late (lazy loading, "read more") is scanned once the page has been quiet for a
// while, and only when it added letters: a ticking counter never costs a scan.

/** The background's answers for suggestions. */
export interface SuggestionApi {
  /** Whether the researcher wants suggestions; when not, the page's text is not even read. */
  enabled(): Promise<boolean>;
  /** Scans the sender's page text (the background takes the page from the tab). */
  scan(text: string): Promise<Suggestion[]>;
  accept(input: {
    source: SourceCapture;
    selectors: Selector[];
    personId: string | null;
    article: Suggestion['article'];
  }): Promise<Annotation>;
  dismiss(key: string): Promise<void>;
  /** Tells the side panel the list changed, so it reads it again (instead of asking every few seconds). */
  changed(): void;
}

/** What suggestions need from the page annotator: its highlights, and taking in a new one. */
export interface SuggestionHost {
  highlighted(): Range[];
  adopt(annotation: Annotation, range: Range): void;
}

/** The suggestions' controls for the content script. */
export interface PageSuggestions {
  refresh(): Promise<void>;
  /** The page's text may have changed: scans it again once the page is quiet, if it gained words. */
  textChanged(): void;
  /** Opens the suggestion under a viewport point; false when there is none. */
  click(x: number, y: number): boolean;
  list(): PageSuggestion[];
  /** Acts on the suggestion starting at `id` (its offset, stable while the list lives), if its words are `quote`. */
  act(id: number, action: 'accept' | 'dismiss', quote?: string): Promise<boolean>;
}

// Quiet time after the last change before a rescan, and the longest a change waits on a page that
// is never quiet (a ticker): a rescan still costs nothing unless text was added.
const QUIET_MS = 1200;
const MAX_WAIT_MS = 6000;

/** Starts suggesting on `doc`, underlined on `overlay`, with the prompt in `layer` (inside the extension's shadow root). */
export function createPageSuggestions(
  doc: Document,
  layer: HTMLElement,
  overlay: Overlay,
  api: SuggestionApi,
  capture: () => Promise<SourceCapture>,
  host: SuggestionHost,
  life: Pick<Lifecycle, 'setTimeout'>,
): PageSuggestions {
  const view = doc.defaultView as Window & typeof globalThis;
  type Item = { s: Suggestion; range: Range; quote: string };
  let shown: Item[] = [];
  let open: Item | null = null; // the suggestion whose prompt is showing
  let scanned = ''; // the text last sent to the background
  let scans = 0; // only the latest scan's answer counts
  let quiet = 0;
  let due = 0;
  const dismissed = new Set<string>(); // an answer already on its way may still hold them
  const panel = el(doc, 'div', { class: 'sa-panel sa-card', role: 'dialog', 'aria-label': 'Suggestion' });
  panel.hidden = true;
  panel.addEventListener('keydown', (e) => e.key === 'Escape' && (panel.hidden = true));
  layer.append(panel);

  const paint = () => {
    overlay.set(
      'suggestions',
      shown.map((x) => ({ range: x.range, className: 'sa-suggest' })),
    );
    api.changed();
  };
  // Ranges follow removals in browsers; the connected check also holds where they do not.
  const gone = (x: Item) => !x.range.startContainer.isConnected || x.range.toString() !== x.quote;
  const same = (a: Range, b: Range) =>
    a.compareBoundaryPoints(a.START_TO_START, b) === 0 && a.compareBoundaryPoints(a.END_TO_END, b) === 0;
  const run = async (item: Item | undefined, action: 'accept' | 'dismiss') => {
    if (!item || !shown.includes(item) || gone(item)) return false;
    await (action === 'dismiss' ? dismiss(item) : accept(item));
    panel.hidden = true;
    paint();
    return true;
  };

  const dismiss = async ({ s }: Item) => {
    await api.dismiss(s.key);
    dismissed.add(s.key);
    shown = shown.filter((x) => x.s.key !== s.key);
  };
  const accept = async (item: Item) => {
    const selectors = describeRange(indexText(doc.body), item.range);
    if (!selectors) throw new Error('the words are no longer on the page');
    const { s, range } = item;
    const annotation = await api.accept({
      source: await capture(),
      selectors,
      personId: s.personId,
      article: s.article,
    });
    shown = shown.filter((x) => x !== item);
    host.adopt(annotation, range);
  };

  async function scan(index: ReturnType<typeof indexText>, text: string) {
    const url = doc.URL;
    const mine = ++scans;
    scanned = text;
    const found = await api.scan(text);
    if (doc.URL !== url || mine !== scans) return;
    // A mention already highlighted needs no suggestion.
    const taken = host.highlighted().flatMap((r) => offsetsFromRange(index, r) ?? []);
    let next: Item[] = found
      .filter((s) => !dismissed.has(s.key) && !taken.some((t) => t.start < s.end && s.start < t.end))
      .map((s) => {
        const range = rangeFromOffsets(index, s.start, s.end);
        return { s, range, quote: range.toString() };
      })
      .filter((x) => rangeIsVisible(x.range));
    // The prompt the researcher has open stays, with its buttons, while its words are on the page.
    if (open && !panel.hidden) {
      const kept = open;
      const match = next.find((x) => x.s.key === kept.s.key && same(x.range, kept.range));
      if (gone(kept)) panel.hidden = true;
      else if (match) next = next.map((x) => (x === match ? Object.assign(kept, { s: match.s }) : x));
      else next.push(kept);
    }
    shown = next;
    paint();
  }

  /** Switched off: nothing suggested, nothing painted, the prompt closed. */
  function clear() {
    shown = [];
    scanned = '';
    panel.hidden = true;
    paint();
  }

  async function rescan() {
    view.clearTimeout(quiet);
    view.clearTimeout(due);
    due = 0;
    if (!(await api.enabled())) return clear();
    const index = indexText(doc.body);
    const text = index.text.slice(0, MAX_SCAN_TEXT);
    if (!rescanNeeded(scanned, text)) {
      // No new words, but some may have gone: drop their suggestions without a scan.
      const left = shown.filter((x) => !gone(x));
      if (left.length === shown.length) return;
      shown = left;
      paint();
      return;
    }
    scan(index, text).catch((error: unknown) => console.warn('[source-annotator] no suggestions:', error));
  }

  const rescanLogged = () =>
    void rescan().catch((error: unknown) => console.warn('[source-annotator] no suggestions:', error));

  const suggestions: PageSuggestions = {
    async refresh() {
      if (!(await api.enabled())) return clear();
      const index = indexText(doc.body);
      return scan(index, index.text.slice(0, MAX_SCAN_TEXT));
    },
    textChanged() {
      view.clearTimeout(quiet);
      quiet = life.setTimeout(rescanLogged, QUIET_MS);
      if (!due) due = life.setTimeout(rescanLogged, MAX_WAIT_MS);
    },
    click(x, y) {
      const id = shown.findIndex(({ range }) =>
        [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom),
      );
      const item = shown[id];
      if (!item) return ((panel.hidden = true), false);
      open = item;
      const accept = el(doc, 'button', { type: 'button' }, item.s.personId ? 'Link' : 'Add fact');
      const dismiss = el(doc, 'button', { type: 'button', class: 'sa-plain' }, 'Dismiss');
      const status = el(doc, 'p', { class: 'sa-message', role: 'status' });
      const act = (action: 'accept' | 'dismiss') =>
        run(item, action).catch((e: unknown) => status.replaceChildren(`Not saved: ${plainReason(e)}`));
      accept.addEventListener('click', () => void act('accept'));
      dismiss.addEventListener('click', () => void act('dismiss'));
      panel.replaceChildren(
        el(doc, 'p', {}, item.s.personId ? 'Mention of ' : 'Legal article: ', el(doc, 'strong', {}, item.s.label)),
        el(doc, 'div', { class: 'sa-row' }, accept, dismiss),
        status,
      );
      panel.hidden = false;
      placeNear(panel, item.range.getBoundingClientRect(), view);
      accept.focus();
      return true;
    },
    list: () =>
      shown.map(({ s, range }) => ({
        id: s.start,
        quote: range.toString().slice(0, 1000),
        label: s.label,
        kind: s.personId ? 'person' : 'fact',
      })),
    // By offset and words, not by place in the list: the list may have changed since the panel read it.
    act: (id, action, quote) =>
      run(
        shown.find((x) => x.s.start === id && (quote === undefined || x.quote === quote)),
        action,
      ),
  };
  return suggestions;
}
