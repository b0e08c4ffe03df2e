import { Dexie } from 'dexie';
import type { ComponentChildren } from 'preact';
import { UndoBar } from '@/components/UndoBar';
import { WorkspaceContext, useWorkspaceState } from '@/components/hooks/workspace';
import type { RecordsContext } from '@/lib/records/edit';
import { FAKE_IDB } from '../../support/test-db';

export { testContext } from '../../support/test-db';

// Dexie's liveQuery runs only where it sees an IndexedDB; the views' databases are the fake one anyway.
Object.assign(Dexie.dependencies, FAKE_IDB);

// Views render inside the side panel's workspace; tests give them a fresh database and fixed clock.

/** Renders `children` with a workspace on `ctx` (beside tab `tabId`, none by default), and the Undo bar above them as in the panel. */
export function InWorkspace({
  ctx,
  tabId = null,
  children,
}: {
  ctx: RecordsContext;
  tabId?: number | null;
  children: ComponentChildren;
}) {
  const workspace = useWorkspaceState(tabId, ctx);
  return (
    <WorkspaceContext.Provider value={workspace}>
      <UndoBar />
      {children}
    </WorkspaceContext.Provider>
  );
}
