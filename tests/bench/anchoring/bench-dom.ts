import { indexText } from '@/lib/anchoring/dom-text';
import { renderPage, type Block } from './page-model';

// The benchmark page's own DOM and timing helpers: rendering a page version with its ground-truth
// offset map, waiting for frames and tasks, and reading Chromium's long tasks.

/** Forces a garbage collection when Chromium runs with --expose-gc, so one library's garbage is
 *  not another's pause. */
export const gc = (globalThis as { gc?: () => void }).gc;
/** Yields to the event loop, so the page stays responsive between measured calls. */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));
/** Resolves once the next frame has been rendered (a task queued from its animation callback). */
export const afterNextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

// Long tasks of the main thread (over 50 ms), as Chromium reports them.
const longTasks: PerformanceEntry[] = [];
/** Whether Chromium reports long tasks here; when not, the long-task target cannot be judged. */
export const longTasksObserved = PerformanceObserver.supportedEntryTypes.includes('longtask');
if (longTasksObserved) {
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
}

/** The longest main-thread task overlapping [from, to], in ms (0 when none was over 50 ms). */
export async function longestTask(from: number, to: number): Promise<number> {
  await sleep(200); // entries are delivered after the task
  const overlapping = longTasks.filter((e) => e.startTime < to && e.startTime + e.duration > from);
  return Math.max(0, ...overlapping.map((e) => e.duration));
}

/** All long tasks seen during the run, for the details. */
export function longTaskSummary() {
  return {
    observed: longTasksObserved,
    count: longTasks.length,
    longestMs: Math.max(0, ...longTasks.map((e) => e.duration)),
  };
}

/** A page version as shown, with a way to read where a library's Range landed. */
export interface ShownPage {
  text: string;
  starts: Map<number, number>;
  textNodes: number;
  elements: number;
  /** The text offsets a Range covers on this page (independent of the libraries' own mapping). */
  offsets(range: Range): { start: number; end: number };
}

/** Renders a page version into the root and checks that every library reads the same text. */
export function show(root: HTMLElement, blocks: readonly Block[]): ShownPage {
  const rendered = renderPage(root, blocks);
  if (indexText(root).text !== rendered.text || root.textContent !== rendered.text) {
    throw new Error('the rendered page text differs between indexText, textContent and the model');
  }
  if (/[\uD800-\uDFFF]/.test(rendered.text)) throw new Error('the page must have no surrogate pairs');
  const nodeStart = new Map<Node, number>();
  let offset = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodeStart.set(node, offset);
    offset += (node as Text).data.length;
  }
  const at = (node: Node, nodeOffset: number) => {
    const start = nodeStart.get(node);
    if (start !== undefined) return start + nodeOffset;
    const before = document.createRange();
    before.setStart(root, 0);
    before.setEnd(node, nodeOffset);
    return before.toString().length;
  };
  return {
    ...rendered,
    offsets: (range) => ({
      start: at(range.startContainer, range.startOffset),
      end: at(range.endContainer, range.endOffset),
    }),
  };
}
