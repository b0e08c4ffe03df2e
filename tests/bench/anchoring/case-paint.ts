import { createHighlightPainter, type PaintItem } from '@/lib/annotator/highlight-painter';
import { createOverlay } from '@/lib/annotator/overlay';
import type { Lifecycle } from '@/lib/annotator/page-annotator';
import { createUiHost } from '@/lib/annotator/ui-host';
import { BUILT_IN_KINDS } from '@/lib/schema/kinds';
import { distribution, since } from '../chromium/measure';
import type { BenchAnnotation, QuoteKind } from './annotations';
import { afterNextFrame, longestTask } from './bench-dom';
import { highlightApiPainter, type BenchPainter } from './highlight-api-painter';
import { log, ms } from './report';

// Case 4: paint the ranges of case 1, then scroll the 1 MB page with them painted, with today's
// painter (boxes in a closed shadow root, issue 11) and with the previous version's CSS Custom
// Highlight API painter, in the same run. Painting is timed to the next rendered frame; scrolling
// by the intervals between animation frames while the page scrolls 30 px a frame.

const KIND_OF: Record<QuoteKind, string> = { name: 'person', date: 'date', article: 'legal-article', sentence: 'fact' };
const SCROLL_FRAMES = 180;
const SCROLL_STEP_PX = 30;

/** The figures of one painter. */
export interface PaintFigures {
  name: string;
  paintCallMs: number;
  paintFrameMs: number;
  repaintCallMs: number;
  repaintFrameMs: number;
  paintLongest: number;
  scroll: ReturnType<typeof distribution>;
}

/** Scrolls the page a step per frame and returns the frame intervals. */
async function scrollFrames(): Promise<number[]> {
  scrollTo(0, 0);
  await afterNextFrame();
  await afterNextFrame();
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let last = 0;
    const step = (now: number) => {
      if (last) intervals.push(now - last);
      last = now;
      if (intervals.length >= SCROLL_FRAMES) return resolve(intervals);
      scrollBy(0, SCROLL_STEP_PX);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

async function measure(name: string, painter: BenchPainter, items: readonly PaintItem[]): Promise<PaintFigures> {
  painter.setKinds(BUILT_IN_KINDS);
  scrollTo(0, 0);
  await afterNextFrame();
  await afterNextFrame();
  const paintStart = performance.now();
  painter.paint(items);
  const paintCallMs = since(paintStart);
  await afterNextFrame();
  const paintFrameMs = since(paintStart);
  const paintLongest = await longestTask(paintStart, paintStart + paintFrameMs);
  const repaintStart = performance.now();
  painter.paint(items);
  const repaintCallMs = since(repaintStart);
  await afterNextFrame();
  const repaintFrameMs = since(repaintStart);
  const scroll = distribution(await scrollFrames());
  painter.destroy();
  scrollTo(0, 0);
  log(
    `case 4 (${name}): paint ${ms(paintCallMs)}, to the next frame ${ms(paintFrameMs)}; scroll frames p95 ${ms(scroll.p95)}`,
  );
  return { name, paintCallMs, paintFrameMs, repaintCallMs, repaintFrameMs, paintLongest, scroll };
}

/** Today's painter as the content script builds it: a closed host, the overlay, the kinds' colours. */
function overlayPainter(): BenchPainter {
  const controller = new AbortController();
  const life: Lifecycle = {
    addEventListener: (target, type, listener, options) =>
      target.addEventListener(type, listener, { ...options, signal: controller.signal }),
    setTimeout: (handler, delay) => window.setTimeout(handler, delay),
    onInvalidated: (callback) => controller.signal.addEventListener('abort', callback),
  };
  const ui = createUiHost(document);
  ui.attach();
  const painter = createHighlightPainter(createOverlay(document, ui.paintLayer, life), life.setTimeout);
  return {
    setKinds: painter.setKinds,
    paint: painter.paint,
    destroy: () => (controller.abort(), ui.remove()),
  };
}

/** Case 4 for both painters; idle frames first, so a slow machine is seen as such. */
export async function paintCase(ranges: readonly (Range | null)[], unchanged: readonly BenchAnnotation[]) {
  log('case 4: painting…');
  const paintItems: PaintItem[] = ranges.flatMap((range, i) =>
    range ? [{ id: String(unchanged[i]!.id), kind: KIND_OF[unchanged[i]!.kind], range }] : [],
  );
  await afterNextFrame();
  const idleFrames: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await afterNextFrame();
    idleFrames.push(since(t));
  }
  const idleScroll = distribution(await scrollFrames());
  const ours = await measure('overlay boxes (today)', overlayPainter(), paintItems);
  const previous = await measure('CSS Highlight API (previous version)', highlightApiPainter(document), paintItems);
  const idleFrame = distribution(idleFrames).p50;
  const details = { items: paintItems.length, idleFrames, idleScroll, ours, previous };
  return { paintItems, ours, previous, idleFrame, idleScroll, details };
}
