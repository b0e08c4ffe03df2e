import { anchorInIndex, describeRange } from '../anchoring/dom-anchor';
import { indexText } from '../anchoring/dom-text';
import type { AnchoringChange, LinkTarget, PageRecords, RecordMatch, SourceCapture } from '../messaging/protocol';
import type { Annotation } from '../schema/annotation';
import type { KindDefinition } from '../schema/kinds';
import type { Selector } from '../schema/selectors';
import { createHighlightCard } from './highlight-card';
import { createHighlightPainter } from './highlight-painter';
import { createOrphanNotice } from './orphan-notice';
import { createSelectionToolbar } from './selection-toolbar';
import { quoteOf } from '../schema/quote-of';

// The page side of the product: shows the toolbar for a selection, saves through the background,
// paints highlights, finds them again whenever the page's text changes, and reports which ones it
// could not find. It never writes records itself; `api` goes to the background.

/** The background's answers, as the content script reaches them. */
export interface AnnotatorApi {
  load(url: string, canonicalUrl: string | null): Promise<PageRecords>;
  create(input: { source: SourceCapture; selectors: Selector[]; kind: string }): Promise<Annotation>;
  update(change: { id: string; kind?: string; note?: string }): Promise<Annotation>;
  remove(id: string): Promise<Annotation>;
  restore(annotation: Annotation): Promise<Annotation>;
  reportAnchoring(changes: AnchoringChange[]): Promise<void>;
  match(target: LinkTarget, query: string): Promise<RecordMatch[]>;
  link(input: {
    id: string;
    target: LinkTarget;
    targetId: string | null;
    create: string | null;
    on: boolean;
  }): Promise<Annotation>;
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
  /** Annotates the current selection as `kind`; false when there is no usable selection. */
  annotateSelection(kind: string): Promise<boolean>;
  /** Scrolls to a highlight and flashes it (asked by the side panel); false when it is not on the page. */
  reveal(id: string): boolean;
  /** The ranges of the painted highlights (suggestions skip words already highlighted). */
  highlighted(): Range[];
  /** Shows a highlight saved elsewhere (an accepted suggestion) as if it had just been made here. */
  adopt(annotation: Annotation, range: Range): void;
}

const SETTLE_MS = 150;
const REPORT_MS = 1500;

/** Starts annotating `doc`, with the UI in `layer` (inside the extension's shadow root). */
export function createPageAnnotator(
  doc: Document,
  layer: HTMLElement,
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
  const painter = createHighlightPainter(doc);
  let records: PageRecords = { annotations: [], persons: [], cases: [], kinds: [], lastKind: 'person' };
  let lastRange: Range | null = null;
  let pendingChanges = new Map<string, AnchoringChange['state']>();
  let reportTimer = 0;
  let settleTimer = 0;
  const anchored = new Map<string, Range>();
  const kinds = (): readonly KindDefinition[] => records.kinds;

  const notice = createOrphanNotice(layer);
  const toolbar = createSelectionToolbar(layer, view, {
    pick: (kind) => void annotate(kind),
    dismiss: () => toolbar.hide(),
  });
  const card = createHighlightCard(layer, view, kinds, {
    changeKind: async (id, kind) => replace(await api.update({ id, kind })),
    saveNote: async (id, note) => replace(await api.update({ id, note })),
    remove: async (id) => {
      lastDeleted = await api.remove(id);
      records = { ...records, annotations: records.annotations.filter((a) => a.id !== id) };
      repaint();
      card.showDeleted(10);
    },
    match: (target, query) => api.match(target, query),
    link: async (target, choice) => {
      const id = card.openId;
      if (!id) return;
      const targetId = 'targetId' in choice ? choice.targetId : null;
      const create = 'create' in choice ? choice.create : null;
      await api.link({ id, target, targetId, create, on: true });
      await annotator.refresh();
      const annotation = records.annotations.find((a) => a.id === id);
      if (annotation && anchored.has(id)) openCard(annotation);
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
    observer.disconnect(); // the <mark> fallback edits the DOM; do not react to our own painting
    painter.paint(items);
    observe();
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
  life.onInvalidated(() => {
    observer.disconnect();
    painter.destroy();
  });

  /** The selection to annotate: non-empty, inside the page body, not in a form field. */
  function usableSelection(): Range | null {
    const selection = view.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!doc.body.contains(range.commonAncestorContainer)) return null;
    const container = range.commonAncestorContainer;
    const element = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
    if (element?.closest('input, textarea, [contenteditable=""], [contenteditable="true"]')) return null;
    return selection.toString().trim() ? range.cloneRange() : null;
  }

  async function annotate(kind: string, range: Range | null = lastRange): Promise<boolean> {
    if (!range) return false;
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
      view.getSelection()?.removeAllRanges();
      return true;
    } catch (error) {
      // Nothing is painted unless the background has committed the record. From the context menu or
      // the shortcut the toolbar may be hidden: show it by the words, so the reason is seen.
      if (!toolbar.visible) toolbar.show(range.getBoundingClientRect());
      toolbar.error(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      toolbar.busy(false);
    }
  }

  const onSelectionEnd = () => {
    const range = usableSelection();
    lastRange = range;
    if (!range) return toolbar.hide();
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    toolbar.show({ left: last.left, top: last.top, bottom: last.bottom });
  };

  // Only the researcher's own input counts: events a page's script synthesises (isTrusted false)
  // must never create, change or reveal records.
  life.addEventListener(doc, 'mouseup', (event) => {
    if (!event.isTrusted || (event as MouseEvent).button !== 0) return;
    // Clicks in the extension's own UI arrive retargeted to its host element: they are not page clicks.
    if ((event.target as Element | null)?.closest?.('[data-source-annotator-ui]')) return;
    // Let the browser finish updating the selection first.
    life.setTimeout(() => {
      onSelectionEnd();
      if (toolbar.visible) return card.close();
      const id = painter.hitTest((event as MouseEvent).clientX, (event as MouseEvent).clientY);
      const annotation = records.annotations.find((a) => a.id === id);
      if (!annotation) {
        if (onPageClick?.((event as MouseEvent).clientX, (event as MouseEvent).clientY)) return card.close();
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
      if (toolbar.visible && toolbar.handleKey(event as KeyboardEvent)) event.preventDefault();
      else if ((event as KeyboardEvent).key === 'Escape' && card.openId) card.close();
    },
    { capture: true },
  );

  let loadedUrl = doc.URL;
  const annotator: PageAnnotator = {
    async refresh() {
      loadedUrl = doc.URL;
      pendingChanges = new Map();
      view.clearTimeout(reportTimer);
      records = await api.load(loadedUrl, canonicalUrl());
      painter.setKinds(records.kinds);
      toolbar.setKinds(records.kinds);
      reanchor();
      observe();
    },
    annotateSelection: (kind) => annotate(kind, usableSelection()),
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
