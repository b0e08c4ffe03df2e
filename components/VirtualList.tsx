import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

// A list of any length that renders only the rows in view (plus a few either side), so 100,000
// records cost what a screenful costs. Rows have one fixed height, which keeps the arithmetic exact.
// It is a listbox: focus stays on the list and the highlighted row is named by aria-activedescendant,
// so arrow keys work even for rows that were not rendered a moment ago.

/** Props of VirtualList. */
export interface VirtualListProps {
  /** Accessible name of the list. */
  label: string;
  count: number;
  rowHeight: number;
  /** Id of the DOM element of row `index` (for aria-activedescendant). */
  rowId: (index: number) => string;
  renderRow: (index: number, active: boolean) => ComponentChildren;
  active: number;
  onActiveChange: (index: number) => void;
  /** Enter or a click on a row. */
  onActivate: (index: number) => void;
  /** The rows now rendered, so the owner can load their data. */
  onRangeChange?: (first: number, last: number) => void;
  /** Rows assumed visible before the list has been measured (and where layout is unavailable). */
  fallbackRows?: number;
}

const OVERSCAN = 4;

/** The windowed, keyboard-operable listbox of the "All records" view. */
export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, active } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setViewport(element.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const visibleRows = viewport > 0 ? Math.ceil(viewport / rowHeight) : (props.fallbackRows ?? 12);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count - 1, Math.floor(scrollTop / rowHeight) + visibleRows + OVERSCAN);

  useEffect(() => props.onRangeChange?.(first, last), [first, last]);

  // Keep the highlighted row in view when the keyboard moves it.
  useEffect(() => {
    const element = box.current;
    if (!element || active < 0) return;
    const top = active * rowHeight;
    const height = viewport || visibleRows * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height;
    setScrollTop(element.scrollTop);
  }, [active]);

  const move = (index: number) => {
    if (count === 0) return;
    props.onActiveChange(Math.max(0, Math.min(count - 1, index)));
  };
  const page = Math.max(1, visibleRows - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    const steps: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: count - 1,
    };
    if (event.key in steps) move(active < 0 && event.key === 'ArrowDown' ? 0 : steps[event.key]!);
    else if (event.key === 'Enter' && active >= 0 && active < count) props.onActivate(active);
    else return;
    event.preventDefault();
  };

  const rows = [];
  for (let index = first; index <= last; index++) {
    rows.push(
      <div
        key={index}
        id={props.rowId(index)}
        role="option"
        aria-selected={index === active}
        aria-posinset={index + 1}
        aria-setsize={count}
        class={index === active ? 'vlist-row active' : 'vlist-row'}
        style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}
        onClick={() => {
          props.onActiveChange(index);
          props.onActivate(index);
        }}
      >
        {props.renderRow(index, index === active)}
      </div>,
    );
  }

  return (
    <div
      ref={box}
      class="vlist"
      role="listbox"
      aria-label={props.label}
      tabIndex={0}
      aria-activedescendant={active >= 0 && active < count ? props.rowId(active) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => active < 0 && count > 0 && props.onActiveChange(0)}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div class="vlist-spacer" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
