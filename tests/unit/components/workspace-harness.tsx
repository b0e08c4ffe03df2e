import { Dexie } from 'dexie';
import type { ComponentChildren } from 'preact';
import { UndoBar } from '@/components/UndoBar';
import { WorkspaceContext, useWorkspaceState } from '@/components/hooks/workspace';
import type { RecordsContext } from '@/lib/records/edit';
import { uuid } from '../../support/records';
import { FAKE_IDB, openTestDb } from '../../support/test-db';

// Dexie's liveQuery runs only where it sees an IndexedDB; the views' databases are the fake one anyway.
Object.assign(Dexie.dependencies, FAKE_IDB);

// Views render inside the side panel's workspace; tests give them a fresh database and fixed clock.

/** A records context on a fresh fake-IndexedDB database, deleted after the test. */
export function testContext(): RecordsContext {
  let tick = 0;
  return {
    db: openTestDb(),
    now: () => `2026-11-23T09:00:${String(tick++).padStart(2, '0')}.000Z`,
    newId: () => uuid(),
  };
}

/** Renders `children` with a workspace on `ctx`, and the Undo bar above them as in the panel. */
export function InWorkspace({ ctx, children }: { ctx: RecordsContext; children: ComponentChildren }) {
  const workspace = useWorkspaceState(null, ctx);
  return (
    <WorkspaceContext.Provider value={workspace}>
      <UndoBar />
      {children}
    </WorkspaceContext.Provider>
  );
}
