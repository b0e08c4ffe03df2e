import { useEffect, useState } from 'preact/hooks';
import { requestPersistentStorage } from '@/lib/db';
import type { RecordsContext } from '@/lib/records/edit';
import { AllRecords } from './AllRecords';
import { CasesView } from './CasesView';
import { PersonsView } from './PersonsView';
import { RecordCounts } from './RecordCounts';
import { RecordsTransfer } from './RecordsTransfer';
import { Tabs, type TabItem } from './Tabs';
import { ThisPageView } from './ThisPageView';
import { UndoBar } from './UndoBar';
import { useActivePage } from './hooks/use-active-page';
import { usePanelFocus } from './hooks/use-panel-focus';
import { WorkspaceContext, useWorkspaceState } from './hooks/workspace';

const TABS: readonly TabItem[] = [
  { id: 'page', label: 'This page' },
  { id: 'persons', label: 'Persons' },
  { id: 'cases', label: 'Cases' },
  { id: 'records', label: 'All records' },
];

/** True when a key press is meant for a text field, not for the panel's shortcuts. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && !!target.closest('input, textarea, select, [contenteditable]');

/** The researcher's workspace beside the page: this page's highlights, persons, cases, and the records. */
export function SidePanelApp({ recordsContext }: { recordsContext?: RecordsContext } = {}) {
  const active = useActivePage();
  const [tab, setTab] = useState('page');
  const tabId = active.state === 'ready' ? active.tabId : null;
  const workspace = useWorkspaceState(tabId, recordsContext);
  const focus = usePanelFocus(tabId);
  useEffect(() => {
    // Asked for from the page's card: the highlight is shown in This page, whatever view was open.
    if (!focus.request) return;
    setTab('page');
    if (focus.request.annotationId === null) focus.done(focus.request);
  }, [focus.request]);
  useEffect(() => {
    // Evidence must survive storage pressure: ask once per panel; the browser remembers a grant.
    void requestPersistentStorage();
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || typing(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      if (!redo && !(key === 'z' && !event.shiftKey)) return;
      event.preventDefault();
      void (redo ? workspace.redo() : workspace.undo());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [workspace.undo, workspace.redo]);
  return (
    <WorkspaceContext.Provider value={workspace}>
      <main>
        <h1>Source Annotator</h1>
        <UndoBar />
        <Tabs label="Workspace views" tabs={TABS} selected={tab} onSelect={setTab}>
          {tab === 'page' && (
            <ThisPageView
              active={active}
              focus={focus.request?.annotationId ? focus.request : null}
              onFocused={focus.done}
            />
          )}
          {tab === 'persons' && <PersonsView />}
          {tab === 'cases' && <CasesView />}
          {tab === 'records' && <AllRecords />}
        </Tabs>
        <section aria-labelledby="records">
          <h2 id="records">Records</h2>
          <RecordCounts />
          <RecordsTransfer pageUrl={active.state === 'ready' ? active.page.url : null} />
        </section>
      </main>
    </WorkspaceContext.Provider>
  );
}
