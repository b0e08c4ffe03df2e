import { anchorInIndex, describeRange } from '../anchoring/dom-anchor';
import { indexText } from '../anchoring/dom-text';
import type { AnchoringChange, PageRecords, SourceCapture } from '../messaging/protocol';
import type { Annotation } from '../schema/annotation';
import type { KindDefinition } from '../schema/kinds';
import type { Selector } from '../schema/selectors';
import { createHighlightCard } from './highlight-card';
import { createHighlightPainter } from './highlight-painter';
import { createOrphanNotice } from './orphan-notice';
import type { Overlay } from './overlay';
import { createSelectionToolbar } from './selection-toolbar';
import { rangeIsVisible } from './text-rects';
import type { UiHost } from './ui-host';
import {
  CHANGED,
  HIDDEN_WORDS,
  sameWords,
  selectionIsStill,
  usableSelectionOf,
  type Gesture,
} from './selection-checks';
import { quoteOf } from '../schema/quote-of';
import { plainReason } from '../messaging/send-to-background';

// The page side of the product: shows the toolbar for a selection, saves through the background,
// paints highlights, finds them again whenever the page's text changes, and reports which ones it
// could not find. It never writes records itself; `api` goes to the background.
//
// The page is the adversary: a record is made only from words the researcher selected with their
// own gesture and can see. The selection is taken at the trusted mouseup or keyup; if it changes
// afterwards (a page script swapping in bait) the toolbar closes; hidden words are refused; the
// toolbar acts only while the page has not hidden or moved it, and its keys only while it has focus.

/** The background's answers, as the content script reaches them. */
export interface AnnotatorApi {
  /** The records of the sender's page (the background takes the page from the tab, not from here). */
  load(canonicalUrl: string | null): Promise<PageRecords>;
  create(input: { source: SourceCapture; selectors: Selector[]; kind: string }): Promise<Annotation>;
  update(change: { id: string; kind?: string }): Promise<Annotation>;
  remove(id: string): Promise<Annotation>;
  restore(annotation: Annotation): Promise<Annotation>;
  reportAnchoring(changes: AnchoringChange[]): Promise<void>;
  /** Opens the side panel at a highlight (its note and links); false when the browser would not. */
  openPanel(annotationId: string): Promise<boolean>;
}

/** Listener and timer registration tied to the content script's life (WXT's `ctx`). */
export interface Lifecycle {
  addEventListener(
    target: EventTarget,
    type: string,
    listener: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  setTimeout(handler: () => void, ms: number): number;
  onInvalidated(callback: () => void): void;
}

/** What the content script needs from the annotator. */
export interface PageAnnotator {
  /** Loads this page's records and paints them. */
  refresh(): Promise<void>;
  /**
   * Annotates the current selection as `kind` (context menu, keyboard command). `selectionText` is
   * what the browser's menu saw selected: the page's selection must still say that. Without it (the
   * command) only a selection made by the researcher's own gesture, unchanged since, counts.
   * False when nothing was saved.
   */
  annotateSelection(kind: string, selectionText: string | null): Promise<boolean>;
  /** Scrolls to a highlight and flashes it (asked by the side panel); false when it is not on the page. */
  reveal(id: string): boolean;
  /** The ranges of the painted highlights (suggestions skip words already highlighted). */
  highlighted(): Range[];
  /** Shows a highlight saved elsewhere (an accepted suggestion) as if it had just been made here. */
  adopt(annotation: Annotation, range: Range): void;
}

const SETTLE_MS = 150;
const REPORT_MS = 1500;

/** Starts annotating `doc`, with the UI in `ui` (the extension's shadow root) and highlights painted on `overlay`. */
export function createPageAnnotator(
  doc: Document,
  ui: UiHost,
  overlay: Overlay,
  life: Lifecycle,
  api: AnnotatorApi,
  capture: () => Promise<SourceCapture>,
  canonicalUrl: () => string | null,
  /** A click that hit no highlight; true when it was handled (a suggestion opened). */
  onPageClick?: (x: number, y: number) => boolean,
  /** The page's text changed and has settled (suggestions decide whether to scan it again). */
  onTextSettled?: () => void,
): PageAnnotator {
  const view = doc.defaultView!;
  const { layer } = ui;
  const painter = createHighlightPainter(overlay, life.setTimeout);
  let records: PageRecords = { annotations: [], persons: [], cases: [], kinds: [], lastKind: 'person' };
  /** The selection as the researcher's own gesture left it, with its words at that moment. */
  let gesture: Gesture | null = null;
  let pendingChanges = new Map<string, AnchoringChange['state']>();
  let reportTimer = 0;
  let settleTimer = 0;
  const anchored = new Map<string, Range>();
  const kinds = (): readonly KindDefinition[] => records.kinds;

  const notice = createOrphanNotice(layer, life.setTimeout);
  const toolbar = createSelectionToolbar(layer, view, {
    pick: (kind) => pick(kind),
    dismiss: () => toolbar.hide(),
  });
  const card = createHighlightCard(layer, view, kinds, {
    changeKind: async (id, kind) => replace(await api.update({ id, kind })),
    openPanel: async (id) => {
      if (!(await api.openPanel(id)))
        throw new Error('Open the side panel from the extension’s button to edit the note.');
    },
    remove: async (id) => {
      lastDeleted = await api.remove(id);
      records = { ...records, annotations: records.annotations.filter((a) => a.id !== id) };
      repaint();
      card.showDeleted(10);
    },
    undoRemove: async () => {
      if (!lastDeleted) return;
      const restored = await api.restore(lastDeleted);
      lastDeleted = null;
      records = { ...records, annotations: [...records.annotations, restored] };
      reanchor();
    },
  });
  let lastDeleted: Annotation | null = null;

  function replace(annotation: Annotation) {
    records = { ...records, annotations: records.annotations.map((a) => (a.id === annotation.id ? annotation : a)) };
    repaint();
  }

  function repaint() {
    const items = records.annotations.flatMap((a) => {
      const range = anchored.get(a.id);
      return range ? [{ id: a.id, kind: a.kind, range }] : [];
    });
    painter.paint(items);
  }

  /** Finds every highlight in the current text; a highlight not found is an orphan, never moved. */
  function reanchor() {
    // A single-page app changed its address: these records belong to the previous page.
    if (doc.URL !== loadedUrl) return void annotator.refresh();
    // Most pages have no highlights, and news pages mutate all the time (ads, tickers): reading the
    // whole text on each change would be work for nothing.
    if (!records.annotations.length && !anchored.size) return;
    const index = indexText(doc.body);
    anchored.clear();
    pendingChanges = new Map();
    for (const annotation of records.annotations) {
      const range = anchorInIndex(index, annotation.selectors);
      if (range) anchored.set(annotation.id, range);
      const state = range ? 'anchored' : 'orphaned';
      if (state !== annotation.anchoring.state) pendingChanges.set(annotation.id, state);
    }
    repaint();
    view.clearTimeout(reportTimer);
    // Wait for the page to settle: text that arrives late must not be reported as lost.
    reportTimer = life.setTimeout(() => {
      notice.update(records.annotations.filter((a) => !anchored.has(a.id)).map(quoteOf));
      void report();
    }, REPORT_MS);
  }

  async function report() {
    if (!pendingChanges.size) return;
    const changes = [...pendingChanges].map(([id, state]) => ({ id, state }));
    pendingChanges = new Map();
    await api.reportAnchoring(changes).catch(() => undefined);
    const states = new Map(changes.map((c) => [c.id, c.state]));
    records = {
      ...records,
      annotations: records.annotations.map((a) =>
        states.has(a.id) ? { ...a, anchoring: { ...a.anchoring, state: states.get(a.id)! } } : a,
      ),
    };
  }

  const observer = new MutationObserver(() => {
    view.clearTimeout(settleTimer);
    settleTimer = life.setTimeout(() => (reanchor(), onTextSettled?.()), SETTLE_MS);
  });
  const observe = () => observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  life.onInvalidated(() => observer.disconnect());

  const usableSelection = () => usableSelectionOf(doc);
  const unchanged = (g: Gesture) => selectionIsStill(doc, g);

  /** Shows why nothing was saved, by the words (the toolbar may be hidden when the menu was used). */
  function refuse(range: Range, message: string): false {
    if (!toolbar.visible) toolbar.show(range.getBoundingClientRect(), range.toString(), message);
    else toolbar.error(message);
    return false;
  }

  async function save(kind: string, range: Range): Promise<boolean> {
    const index = indexText(doc.body);
    const selectors = describeRange(index, range);
    if (!selectors) return false;
    toolbar.busy(true);
    try {
      const annotation = await api.create({ source: await capture(), selectors, kind });
      records = { ...records, annotations: [...records.annotations, annotation], lastKind: kind };
      anchored.set(annotation.id, range);
      repaint();
      toolbar.hide();
      gesture = null;
      view.getSelection()?.removeAllRanges();
      return true;
    } catch (error) {
      // Nothing is painted unless the background has committed the record.
      return refuse(range, `Not saved: ${plainReason(error)}`);
    } finally {
      toolbar.busy(false);
    }
  }

  /** A kind picked on the toolbar: saved only if the toolbar was really shown and the selection is the gesture's. */
  function pick(kind: string): void {
    const g = gesture;
    if (!g || !unchanged(g) || !ui.shows(toolbar.element) || !rangeIsVisible(g.range)) {
      gesture = null;
      return toolbar.hide();
    }
    void save(kind, g.range);
  }

  const onSelectionEnd = () => {
    const range = usableSelection();
    gesture = range ? { range, text: range.toString() } : null;
    if (!range || !ui.attached) return toolbar.hide();
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    toolbar.show(
      { left: last.left, top: last.top, bottom: last.bottom },
      gesture!.text,
      rangeIsVisible(range) ? undefined : HIDDEN_WORDS,
    );
  };

  // A selection that changes after the researcher's gesture (a page script swapping in other words)
  // closes the toolbar: what it showed is no longer what would be saved.
  life.addEventListener(doc, 'selectionchange', () => {
    if (gesture && !unchanged(gesture)) {
      gesture = null;
      toolbar.hide();
    }
  });

  // Only the researcher's own input counts: events a page's script synthesises (isTrusted false)
  // must never create, change or reveal records.
  life.addEventListener(doc, 'mouseup', (event) => {
    if (!event.isTrusted || (event as MouseEvent).button !== 0) return;
    // Clicks in the extension's own UI arrive retargeted to its host element: they are not page clicks.
    if (ui.isOwnEvent(event)) return;
    const { clientX, clientY } = event as MouseEvent;
    // Let the browser finish updating the selection first.
    life.setTimeout(() => {
      onSelectionEnd();
      if (toolbar.visible || !ui.attached) return card.close();
      const id = painter.hitTest(clientX, clientY);
      const annotation = records.annotations.find((a) => a.id === id);
      if (!annotation) {
        if (onPageClick?.(clientX, clientY)) return card.close();
        return card.openId && card.close();
      }
      openCard(annotation);
    }, 0);
  });

  /** Opens the card of a painted highlight, with the names of what it links to. */
  function openCard(annotation: Annotation) {
    const name = (list: { id: string }[], ids: string[], key: 'name' | 'title') =>
      ids.flatMap((i) => list.filter((x) => x.id === i).map((x) => (x as Record<string, string>)[key]!));
    const rect = anchored.get(annotation.id)!.getBoundingClientRect();
    card.open(
      annotation,
      {
        persons: name(records.persons, annotation.personIds, 'name'),
        cases: name(records.cases, annotation.caseIds, 'title'),
      },
      rect,
    );
  }
  life.addEventListener(doc, 'keyup', (event) => {
    if (!event.isTrusted) return;
    const key = event as KeyboardEvent;
    if (key.shiftKey || key.key === 'Shift') onSelectionEnd();
  });
  life.addEventListener(
    doc,
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      const key = event as KeyboardEvent;
      // Keys belong to the page unless the toolbar has focus; Tab right after selecting reaches it.
      if (toolbar.visible && toolbar.hasFocus() && ui.isOwnEvent(event)) {
        if (toolbar.handleKey(key)) event.preventDefault();
      } else if (toolbar.visible && key.key === 'Tab' && !key.shiftKey && !key.ctrlKey && !key.altKey) {
        toolbar.focus();
        event.preventDefault();
      } else if (key.key === 'Escape') {
        // Closing needs no preventDefault: the page's own Escape handling is left as it was.
        toolbar.hide();
        if (card.openId) card.close();
      }
    },
    { capture: true },
  );

  let loadedUrl = doc.URL;
  const annotator: PageAnnotator = {
    async refresh() {
      loadedUrl = doc.URL;
      pendingChanges = new Map();
      view.clearTimeout(reportTimer);
      records = await api.load(canonicalUrl());
      painter.setKinds(records.kinds);
      toolbar.setKinds(records.kinds);
      reanchor();
      observe();
    },
    async annotateSelection(kind, selectionText) {
      const range = usableSelection();
      if (!range) return false;
      const seen =
        selectionText === null
          ? gesture !== null && unchanged(gesture)
          : sameWords(selectionText, view.getSelection()!.toString());
      if (!seen) return refuse(range, CHANGED);
      if (!rangeIsVisible(range)) return refuse(range, HIDDEN_WORDS);
      return save(kind, range);
    },
    reveal(id) {
      const range = anchored.get(id);
      if (!range) return false;
      const start = range.startContainer;
      (start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement)?.scrollIntoView({
        block: 'center',
      });
      painter.flash(id);
      return true;
    },
    highlighted: () => [...anchored.values()],
    adopt(annotation, range) {
      records = { ...records, annotations: [...records.annotations, annotation] };
      anchored.set(annotation.id, range);
      repaint();
    },
  };
  return annotator;
}
