import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  filterAnnotationIds,
  filterChoices,
  NO_FILTER,
  SEARCH_CAP,
  type RecordFilter,
  casesByTitle,
  personsByName,
  recordDetails,
  type RecordDetails,
} from '@/lib/db';
import { urlAtQuote } from '@/lib/source/text-fragment';
import { RecordFilters } from './RecordFilters';
import { RecordRow } from './RecordRow';
import { VirtualList } from './VirtualList';
import { recordsDb } from './hooks/records-db';
import { useKinds } from './hooks/use-kinds';
import { useLiveQuery } from './hooks/use-live-query';

/** Height of one row of the list, in CSS pixels (theme.css lays the row out to fit it). */
export const RECORD_ROW_HEIGHT = 92;
const TYPING_PAUSE_MS = 200;
// The filter menus list at most this many persons and cases; search finds the others.
const MENU_LIMIT = 1_000;

function openInTab(url: string) {
  void browser.tabs.create({ url });
}

/** Props of AllRecords. */
export interface AllRecordsProps {
  /** Opens a page; tests pass their own. */
  openUrl?: (url: string) => void;
}

/** Every highlight, searchable and filterable, in a windowed list that arrow keys walk and Enter opens. */
export function AllRecords({ openUrl = openInTab }: AllRecordsProps) {
  const db = recordsDb();
  const kinds = useKinds();
  const [typed, setTyped] = useState('');
  const [filter, setFilter] = useState<RecordFilter>(NO_FILTER);
  const [active, setActive] = useState(-1);
  const [range, setRange] = useState<[number, number]>([0, -1]);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => (f.query === typed ? f : { ...f, query: typed })), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  useEffect(() => setActive(-1), [filter]);

  const result = useLiveQuery(() => filterAnnotationIds(db, filter), [filter]);
  const choices = useLiveQuery(() => filterChoices(db), []);
  const persons = useLiveQuery(
    async () => (await personsByName(db, MENU_LIMIT)).map(({ id, name }) => ({ id, name })),
    [],
  );
  const cases = useLiveQuery(
    async () => (await casesByTitle(db, MENU_LIMIT)).map(({ id, title }) => ({ id, title })),
    [],
  );

  const total = result?.count ?? 0;
  // The rows in view: their ids in list order, then their details. Both are kept per result, so
  // scrolling back shows rows already read without a gap.
  const view = useLiveQuery(async () => {
    if (!result || range[1] < range[0]) return null;
    const ids = (await result.order.upTo(range[1] + 1)).slice(range[0]);
    return { result, first: range[0], ids, details: await recordDetails(db, ids) };
  }, [result, range[0], range[1]]);
  const cache = useRef<{ for: unknown; idAt: Map<number, string>; rows: Map<string, RecordDetails> }>({
    for: null,
    idAt: new Map(),
    rows: new Map(),
  });
  const { idAt, rows } = useMemo(() => {
    if (cache.current.for !== result) cache.current = { for: result, idAt: new Map(), rows: new Map() };
    if (view && view.result === result) {
      view.ids.forEach((id, i) => cache.current.idAt.set(view.first + i, id));
      for (const d of view.details) cache.current.rows.set(d.annotation.id, d);
    }
    return cache.current;
  }, [result, view]);
  const rowAt = (index: number) => rows.get(idAt.get(index) ?? '');

  const open = (index: number) => {
    const row = rowAt(index);
    if (row?.source) openUrl(urlAtQuote(row.source.url, row.annotation.selectors));
  };

  const count = result ? `${total.toLocaleString('en')} ${total === 1 ? 'record' : 'records'}` : 'Searching…';
  return (
    <div class="all-records">
      <div class="search">
        <label for="records-search">Search records</label>
        <input
          id="records-search"
          type="search"
          value={typed}
          placeholder="Names, aliases, quotes, notes"
          onInput={(e) => setTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowDown' || !total) return;
            e.preventDefault();
            setActive(0);
            list.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus();
          }}
        />
      </div>
      <RecordFilters
        filter={filter}
        onChange={(change) => setFilter((f) => ({ ...f, ...change }))}
        kinds={kinds}
        choices={choices}
        persons={persons ?? []}
        cases={cases ?? []}
      />
      {/* aria-live rather than role="status": the panel has one status role, the transfer report. */}
      <p aria-live="polite" class="muted records-count">
        {count}
        {result?.searchCapped &&
          ` · the words match ${result.searchMatches.toLocaleString('en')} highlights; only the newest ${SEARCH_CAP.toLocaleString('en')} of them are listed: add words to narrow`}
        {result && total > 0 && ' · ↑ ↓ to move, Enter to open the page at the highlight'}
      </p>
      <div ref={list}>
        <VirtualList
          label="Records"
          count={total}
          rowHeight={RECORD_ROW_HEIGHT}
          rowId={(index) => `record-${index}`}
          active={active}
          onActiveChange={setActive}
          onActivate={open}
          onRangeChange={(first, last) => setRange([first, last])}
          renderRow={(index) => <RecordRow details={rowAt(index)} kinds={kinds} />}
        />
      </div>
    </div>
  );
}
