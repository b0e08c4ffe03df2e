import { describeRange } from '../anchoring/dom-anchor';
import { indexText, offsetsFromRange, rangeFromOffsets } from '../anchoring/dom-text';
import type { SourceCapture, Suggestion } from '../messaging/protocol';
import { MAX_SCAN_TEXT, type PageSuggestion } from '../messaging/protocol-content';
import type { Annotation } from '../schema/annotation';
import type { Selector } from '../schema/selectors';
import { el, placeNear } from './dom';

// Known-entity suggestions on the page: the background finds registered persons and legal articles
// in the page's text and answers with offsets; this marks them with a dotted underline of their own
// (a CSS highlight named sa-suggestion, nothing like a painted highlight) and turns one into a linked
// highlight when the researcher accepts it. Kept small: it ships in every page's content script.
// Without the CSS Custom Highlight API nothing is underlined, and the side panel's list still works.

/** The background's answers for suggestions. */
export interface SuggestionApi {
  scan(url: string, text: string): Promise<Suggestion[]>;
  accept(input: {
    source: SourceCapture;
    selectors: Selector[];
    personId: string | null;
    article: Suggestion['article'];
  }): Promise<Annotation>;
  dismiss(url: string, key: string): Promise<void>;
}

/** What suggestions need from the page annotator: its highlights, and taking in a new one. */
export interface SuggestionHost {
  highlighted(): Range[];
  adopt(annotation: Annotation, range: Range): void;
}

/** The suggestions' controls for the content script. */
export interface PageSuggestions {
  refresh(): Promise<void>;
  /** Opens the suggestion under a viewport point; false when there is none. */
  click(x: number, y: number): boolean;
  list(): PageSuggestion[];
  /** Acts on the suggestion starting at `id` (its offset, stable while the list lives), if its words are `quote`. */
  act(id: number, action: 'accept' | 'dismiss', quote?: string): Promise<boolean>;
}

const NAME = 'sa-suggestion';

/** Starts suggesting on `doc`, with the prompt in `layer` (inside the extension's shadow root). */
export function createPageSuggestions(
  doc: Document,
  layer: HTMLElement,
  api: SuggestionApi,
  capture: () => Promise<SourceCapture>,
  host: SuggestionHost,
): PageSuggestions {
  const view = doc.defaultView as Window & typeof globalThis;
  const paints = 'highlights' in view.CSS;
  if (paints) {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(`::highlight(${NAME}){text-decoration:underline dotted 2px #7c3aed;text-underline-offset:3px}`);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
  let shown: { s: Suggestion; range: Range }[] = [];
  const panel = el(doc, 'div', { class: 'sa-panel sa-card', role: 'dialog', 'aria-label': 'Suggestion' });
  panel.hidden = true;
  panel.addEventListener('keydown', (e) => e.key === 'Escape' && (panel.hidden = true));
  layer.append(panel);

  const paint = () => paints && view.CSS.highlights.set(NAME, new view.Highlight(...shown.map((x) => x.range)));
  const run = async (
    id: number,
    quote: string | undefined,
    work: (item: (typeof shown)[number]) => Promise<unknown>,
  ) => {
    // By offset and words, not by place in the list: the list may have changed since the panel read it.
    const item = shown.find((x) => x.s.start === id && (quote === undefined || x.range.toString() === quote));
    if (!item) return false;
    await work(item);
    panel.hidden = true;
    paint();
    return true;
  };

  const suggestions: PageSuggestions = {
    async refresh() {
      const url = doc.URL;
      const index = indexText(doc.body);
      const found = await api.scan(url, index.text.slice(0, MAX_SCAN_TEXT));
      if (doc.URL !== url) return;
      // A mention already highlighted needs no suggestion.
      const taken = host.highlighted().flatMap((r) => offsetsFromRange(index, r) ?? []);
      shown = found
        .filter((s) => !taken.some((t) => t.start < s.end && s.start < t.end))
        .map((s) => ({ s, range: rangeFromOffsets(index, s.start, s.end) }));
      paint();
    },
    click(x, y) {
      const id = shown.findIndex(({ range }) =>
        [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom),
      );
      const item = shown[id];
      if (!item) return ((panel.hidden = true), false);
      const accept = el(doc, 'button', { type: 'button' }, item.s.personId ? 'Link' : 'Add fact');
      const dismiss = el(doc, 'button', { type: 'button', class: 'sa-plain' }, 'Dismiss');
      const status = el(doc, 'p', { class: 'sa-message', role: 'status' });
      const act = (action: 'accept' | 'dismiss') =>
        suggestions.act(item.s.start, action).catch((e: unknown) => status.replaceChildren(`Not saved: ${String(e)}`));
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
    act: (id, action, quote) =>
      action === 'dismiss'
        ? run(id, quote, async ({ s }) => {
            await api.dismiss(doc.URL, s.key);
            shown = shown.filter((x) => x.s.key !== s.key);
          })
        : run(id, quote, async ({ s, range }) => {
            const selectors = describeRange(indexText(doc.body), range);
            if (!selectors) throw new Error('the words are no longer on the page');
            const annotation = await api.accept({
              source: await capture(),
              selectors,
              personId: s.personId,
              article: s.article,
            });
            shown = shown.filter((x) => x.range !== range);
            host.adopt(annotation, range);
          }),
  };
  return suggestions;
}
