import { request, type Transport } from '../messaging/client';
import type { KindDefinition } from '../schema/kinds';
import { KINDS_KEY } from '../settings/storage-keys';

// The context menu ("Annotate as Person", ...) and the keyboard command ask the tab's content script
// to annotate its selection. The decisions live here, away from the browser, so they can be tested:
// which items the menu has, which click or command becomes which request, and when the menu is
// rebuilt. The background only hands in its browser APIs.
//
// The page's script can change the page's selection at any time (issue 11), so the menu passes on
// what the browser itself says was selected (`info.selectionText`), and the content script saves
// nothing when the page's selection says otherwise. The content script runs in the top frame only:
// a selection inside a frame is refused here rather than swapped for the top frame's.

/** The manifest's keyboard command (wxt.config.ts `commands`) that annotates with the kind used last. */
export const ANNOTATE_LAST_KIND_COMMAND = 'annotate-last-kind';

const MENU_PREFIX = 'annotate:';

/** One context-menu item, as `contextMenus.create` takes it. */
export interface AnnotateMenuItem {
  id: string;
  title: string;
  contexts: ['selection'];
}

/** What to ask of a tab's top frame: annotate its selection as `kind`, if it still says `selectionText`. */
export interface AnnotateRequest {
  tabId: number;
  kind: string;
  /** The browser's own account of the selection (context menu); null from the keyboard command. */
  selectionText: string | null;
}

/** A click the menu handler refuses, with the reason to report. */
export interface AnnotateRefusal {
  refused: string;
}

/** A tab as the browser's menu and command events describe it; only its id matters here. */
type TabLike = { id?: number } | undefined;

/** The parts of a context-menu click (`contextMenus.OnClickData`) the decision reads. */
export interface MenuClickInfo {
  menuItemId: string | number;
  selectionText?: string;
  /** The frame the click was in; 0 (or absent) for the top frame. */
  frameId?: number;
}

/** The menu names the researcher's own kinds, in their order, shown only over a selection. */
export function annotateMenuItems(kinds: readonly Pick<KindDefinition, 'id' | 'label'>[]): AnnotateMenuItem[] {
  return kinds.map((kind) => ({
    id: `${MENU_PREFIX}${kind.id}`,
    title: `Annotate as ${kind.label}`,
    contexts: ['selection'],
  }));
}

/**
 * The request a clicked menu item makes; null for a click outside a tab or on another item; a
 * refusal for a selection inside a frame, where the content script does not run.
 */
export function menuClickRequest(info: MenuClickInfo, tab: TabLike): AnnotateRequest | AnnotateRefusal | null {
  const id = String(info.menuItemId);
  if (!id.startsWith(MENU_PREFIX) || tab?.id === undefined) return null;
  if (info.frameId !== undefined && info.frameId !== 0) {
    return { refused: 'the selection is inside a frame of the page, which cannot be annotated' };
  }
  return { tabId: tab.id, kind: id.slice(MENU_PREFIX.length), selectionText: info.selectionText ?? null };
}

/** The request a keyboard command makes: the last kind used, in the tab it was pressed in; null for others. */
export async function commandRequest(
  command: string,
  tab: TabLike,
  lastKind: () => Promise<string>,
): Promise<AnnotateRequest | null> {
  if (command !== ANNOTATE_LAST_KIND_COMMAND || tab?.id === undefined) return null;
  // A command carries no account of the selection: the content script then saves only one the
  // researcher made with their own gesture, unchanged since.
  return { tabId: tab.id, kind: await lastKind(), selectionText: null };
}

/** True when a storage change renamed, recoloured, added or removed kinds, so the menu must follow. */
export const kindsChanged = (changes: Record<string, unknown>, area: string): boolean =>
  area === 'local' && KINDS_KEY in changes;

/** A browser event, reduced to what the wiring uses. */
interface EventLike<L> {
  addListener(listener: L): void;
}

/** The browser APIs and settings the menu and command need; the background passes the real ones. */
export interface AnnotateCommandPorts {
  contextMenus: {
    create(item: AnnotateMenuItem): unknown;
    removeAll(): Promise<void>;
    onClicked: EventLike<(info: MenuClickInfo, tab?: { id?: number }) => void>;
  };
  commands: { onCommand: EventLike<(command: string, tab?: { id?: number }) => void> };
  onInstalled: EventLike<() => void>;
  storageChanged: EventLike<(changes: Record<string, unknown>, area: string) => void>;
  kinds: () => Promise<readonly KindDefinition[]>;
  lastKind: () => Promise<string>;
  /** The transport to the content script of the tab's top frame (frame 0), the only one it runs in. */
  toTab: (tabId: number) => Transport;
  /** Where a refused click or a request no content script answered (a PDF, say) is reported. */
  warn: (message: string, error: unknown) => void;
}

/** Registers the menu and the command; the menu is built on install and rebuilt when the kinds change. */
export function wireAnnotateCommands(ports: AnnotateCommandPorts): void {
  const { contextMenus } = ports;
  const annotate = (asked: AnnotateRequest | AnnotateRefusal | null) => {
    if (!asked) return;
    if ('refused' in asked) {
      ports.warn('[source-annotator] did not annotate the selection:', new Error(asked.refused));
      return;
    }
    const { kind, selectionText } = asked;
    request(ports.toTab(asked.tabId), 'selection/annotate', { kind, selectionText }).catch((error: unknown) =>
      ports.warn('[source-annotator] could not annotate the selection:', error),
    );
  };
  // Rebuilds run one after another: two overlapping ones would each clear the menu and create the
  // same ids, and the older titles could win.
  let rebuilding: Promise<void> = Promise.resolve();
  const buildMenu = () => {
    rebuilding = rebuilding
      .then(() => Promise.all([ports.kinds(), contextMenus.removeAll()]))
      .then(([kinds]) => {
        for (const item of annotateMenuItems(kinds)) contextMenus.create(item);
      })
      .catch((error: unknown) => ports.warn('[source-annotator] could not build the context menu:', error));
  };
  ports.onInstalled.addListener(buildMenu);
  ports.storageChanged.addListener((changes, area) => kindsChanged(changes, area) && buildMenu());
  contextMenus.onClicked.addListener((info, tab) => annotate(menuClickRequest(info, tab)));
  ports.commands.onCommand.addListener(
    (command, tab) => void commandRequest(command, tab, ports.lastKind).then(annotate),
  );
}
