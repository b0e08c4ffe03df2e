import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { contentProtocol } from '@/lib/messaging/protocol-content';
import { createTableHandler } from '@/lib/messaging/table-handler';
import {
  ANNOTATE_LAST_KIND_COMMAND,
  annotateMenuItems,
  commandRequest,
  kindsChanged,
  menuClickRequest,
  wireAnnotateCommands,
  type AnnotateMenuItem,
  type AnnotateRefusal,
  type AnnotateRequest,
  type MenuClickInfo,
} from '@/lib/records/annotate-commands';
import { addKind, defaultKinds, loadKinds, renameKind, saveKinds } from '@/lib/settings/kinds-vocabulary';
import { loadSettings, saveSettings } from '@/lib/settings/settings';
import type { KindDefinition } from '@/lib/schema/kinds';
import wxtConfig from '@/wxt.config';

// Issue 4: "The context menu offers the same ('Annotate as Person', ...), and a keyboard command
// annotates the selection with the last kind used." Playwright cannot open a native context menu or
// press an extension shortcut, so the decisions are tested here, and the wiring is driven through
// fakeBrowser (storage, onInstalled) plus recording stand-ins for contextMenus and commands, which
// fakeBrowser does not implement. Requests go to the content script's real, validating handler.

const edited = (edit: ReturnType<typeof renameKind>): KindDefinition[] => {
  if (!edit.ok) throw new Error(edit.message);
  return edit.kinds;
};

describe('annotateMenuItems', () => {
  it.each<{ name: string; kinds: Pick<KindDefinition, 'id' | 'label'>[]; expected: AnnotateMenuItem[] }>([
    { name: 'no kinds', kinds: [], expected: [] },
    {
      name: 'built-in kinds, in order',
      kinds: defaultKinds().slice(0, 3),
      expected: [
        { id: 'annotate:person', title: 'Annotate as Person', contexts: ['selection'] },
        { id: 'annotate:case', title: 'Annotate as Case', contexts: ['selection'] },
        { id: 'annotate:fact', title: 'Annotate as Fact', contexts: ['selection'] },
      ],
    },
    {
      name: 'a renamed built-in and a researcher’s own kind, non-Latin label kept as typed',
      kinds: [
        { id: 'person', label: 'Асоба' },
        { id: 'detention-place', label: 'Detention place' },
      ],
      expected: [
        { id: 'annotate:person', title: 'Annotate as Асоба', contexts: ['selection'] },
        { id: 'annotate:detention-place', title: 'Annotate as Detention place', contexts: ['selection'] },
      ],
    },
  ])('builds the items for $name', ({ kinds, expected }) => {
    expect(annotateMenuItems(kinds)).toEqual(expected);
  });
});

describe('menuClickRequest', () => {
  const words = 'Zinaida Mikhniuk';
  const inFrame: AnnotateRefusal = {
    refused: 'the selection is inside a frame of the page, which cannot be annotated',
  };
  it.each<{
    name: string;
    info: MenuClickInfo;
    tab: { id?: number } | undefined;
    expected: AnnotateRequest | AnnotateRefusal | null;
  }>([
    {
      name: 'a kind item in a tab, with the browser’s selection text',
      info: { menuItemId: 'annotate:person', selectionText: words, frameId: 0 },
      tab: { id: 7 },
      expected: { tabId: 7, kind: 'person', selectionText: words },
    },
    {
      name: 'a custom kind',
      info: { menuItemId: 'annotate:detention-place', selectionText: 'Homiel colony' },
      tab: { id: 3 },
      expected: { tabId: 3, kind: 'detention-place', selectionText: 'Homiel colony' },
    },
    {
      name: 'no selection text given (null, not an empty match)',
      info: { menuItemId: 'annotate:case' },
      tab: { id: 3 },
      expected: { tabId: 3, kind: 'case', selectionText: null },
    },
    {
      name: 'tab id 0 (a real id)',
      info: { menuItemId: 'annotate:fact', selectionText: words },
      tab: { id: 0 },
      expected: { tabId: 0, kind: 'fact', selectionText: words },
    },
    {
      name: 'a selection inside a frame: refused',
      info: { menuItemId: 'annotate:person', selectionText: words, frameId: 4 },
      tab: { id: 7 },
      expected: inFrame,
    },
    {
      name: 'no tab (a click outside any page)',
      info: { menuItemId: 'annotate:person', selectionText: words },
      tab: undefined,
      expected: null,
    },
    { name: 'a tab without an id (devtools)', info: { menuItemId: 'annotate:person' }, tab: {}, expected: null },
    { name: 'an item of another menu', info: { menuItemId: 'open-side-panel' }, tab: { id: 7 }, expected: null },
    {
      name: 'an item of another menu, in a frame',
      info: { menuItemId: 'open-side-panel', frameId: 2 },
      tab: { id: 7 },
      expected: null,
    },
    { name: 'a numeric item id', info: { menuItemId: 12 }, tab: { id: 7 }, expected: null },
    {
      name: 'the prefix only in the middle',
      info: { menuItemId: 'x-annotate:person' },
      tab: { id: 7 },
      expected: null,
    },
  ])('$name', ({ info, tab, expected }) => {
    expect(menuClickRequest(info, tab)).toEqual(expected);
  });
});

describe('commandRequest', () => {
  it.each<{ name: string; command: string; tab: { id?: number } | undefined; expected: AnnotateRequest | null }>([
    {
      name: 'the command in a tab',
      command: 'annotate-last-kind',
      tab: { id: 5 },
      expected: { tabId: 5, kind: 'case', selectionText: null },
    },
    { name: 'the command without a tab', command: 'annotate-last-kind', tab: undefined, expected: null },
    { name: 'another command', command: '_execute_action', tab: { id: 5 }, expected: null },
  ])('$name', async ({ command, tab, expected }) => {
    expect(await commandRequest(command, tab, async () => 'case')).toEqual(expected);
  });

  it('is the command the manifest declares', () => {
    const manifest = wxtConfig.manifest as (env: { browser: string }) => { commands: Record<string, unknown> };
    expect(Object.keys(manifest({ browser: 'chrome' }).commands)).toContain(ANNOTATE_LAST_KIND_COMMAND);
  });
});

describe('kindsChanged', () => {
  it.each([
    { changes: { kinds: {} }, area: 'local', expected: true },
    { changes: { kinds: {}, settings: {} }, area: 'local', expected: true },
    { changes: { settings: {} }, area: 'local', expected: false },
    { changes: { kinds: {} }, area: 'sync', expected: false },
    { changes: { kinds: {} }, area: 'session', expected: false },
  ])('$changes in $area: $expected', ({ changes, area, expected }) => {
    expect(kindsChanged(changes, area)).toBe(expected);
  });
});

/** Records what the wiring does with the menu, the way Chrome keeps menu items by id. */
function fakeMenus() {
  const items = new Map<string, AnnotateMenuItem>();
  const clicked: ((info: MenuClickInfo, tab?: { id?: number }) => void)[] = [];
  const commanded: ((command: string, tab?: { id?: number }) => void)[] = [];
  return {
    items,
    titles: () => [...items.values()].map((i) => i.title),
    contextMenus: {
      create(item: AnnotateMenuItem) {
        if (items.has(item.id)) throw new Error(`duplicate id ${item.id}`);
        items.set(item.id, item);
      },
      removeAll: async () => items.clear(),
      onClicked: { addListener: (l: (typeof clicked)[number]) => void clicked.push(l) },
    },
    commands: { onCommand: { addListener: (l: (typeof commanded)[number]) => void commanded.push(l) } },
    click: (menuItemId: string | number, tab?: { id?: number }, more: Omit<MenuClickInfo, 'menuItemId'> = {}) =>
      clicked.forEach((l) => l({ menuItemId, ...more }, tab)),
    press: (command: string, tab?: { id?: number }) => commanded.forEach((l) => l(command, tab)),
  };
}

const self = { runtimeId: fakeBrowser.runtime.id, extensionOrigin: fakeBrowser.runtime.getURL('/') };
const backgroundSender = { id: self.runtimeId, url: fakeBrowser.runtime.getURL('/background.js') };

/** The background's menu and command, wired to fake tabs whose content scripts answer as the real one. */
function wired() {
  const menus = fakeMenus();
  const asked: { tabId: number; kind: string; selectionText: string | null }[] = [];
  const sent: unknown[] = [];
  const warn = vi.fn();
  const settled = vi.fn();
  const local = fakeBrowser.storage.local;
  wireAnnotateCommands({
    contextMenus: menus.contextMenus,
    commands: menus.commands,
    onInstalled: fakeBrowser.runtime.onInstalled,
    storageChanged: fakeBrowser.storage.onChanged,
    kinds: () => loadKinds(local),
    lastKind: async () => (await loadSettings(local)).lastKind,
    toTab: (tabId) => (message) => {
      sent.push(message);
      // Tab 99 has no content script (a PDF, the web store): nobody answers.
      if (tabId === 99) return Promise.reject(new Error('Could not establish connection.'));
      const handler = createTableHandler(
        contentProtocol,
        self,
        {
          'selection/annotate': ({ kind, selectionText }) => {
            asked.push({ tabId, kind, selectionText });
            return { created: true };
          },
        },
        { answerUnknown: false },
      );
      return handler(message, backgroundSender)!.finally(settled);
    },
    warn,
  });
  return { menus, asked, warn, settled, local, sent };
}

describe('wireAnnotateCommands', () => {
  beforeEach(() => fakeBrowser.reset());

  it('builds the menu from the vocabulary on install and follows renames and new kinds', async () => {
    const { menus, local } = wired();
    expect(menus.items.size).toBe(0);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(menus.items.size).toBe(8));
    expect(menus.titles().slice(0, 3)).toEqual(['Annotate as Person', 'Annotate as Case', 'Annotate as Fact']);
    expect([...menus.items.values()].every((i) => i.contexts.length === 1 && i.contexts[0] === 'selection')).toBe(true);

    // The options page renames a kind and adds one: the menu is rebuilt, with no stale or duplicate items.
    const renamed = edited(renameKind(await loadKinds(local), 'person', 'Detainee'));
    await saveKinds(local, edited(addKind(renamed, 'Detention place', '#aabbcc')));
    await vi.waitFor(() => expect(menus.titles()[0]).toBe('Annotate as Detainee'));
    expect(menus.items.size).toBe(9);
    expect(menus.items.get('annotate:detention-place')?.title).toBe('Annotate as Detention place');
    expect(menus.titles()).not.toContain('Annotate as Person');
  });

  it('runs quick successive rebuilds one after another: the last vocabulary wins, no duplicate ids', async () => {
    const { menus, local, warn } = wired();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(menus.items.size).toBe(8));
    const base = await loadKinds(local);
    const first = saveKinds(local, edited(renameKind(base, 'person', 'Detainee')));
    const second = saveKinds(local, edited(renameKind(base, 'person', 'Prisoner')));
    await Promise.all([first, second]);
    await vi.waitFor(() => expect(menus.titles()[0]).toBe('Annotate as Prisoner'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(menus.items.size).toBe(8);
    expect(warn).not.toHaveBeenCalled();
  });

  it('leaves the menu alone when other settings change', async () => {
    const { menus, local } = wired();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(menus.items.size).toBe(8));
    const removeAll = vi.spyOn(menus.contextMenus, 'removeAll');
    await saveSettings(local, { researcherName: 'Alesia K.' });
    await fakeBrowser.storage.session.set({ kinds: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(removeAll).not.toHaveBeenCalled();
  });

  it('asks the clicked tab to annotate its selection as the clicked kind, and ignores other clicks', async () => {
    const { menus, asked, settled } = wired();
    menus.click('annotate:fact', { id: 4 }, { selectionText: 'sentenced to two years', frameId: 0 });
    menus.click('annotate:person');
    menus.click('something-else', { id: 4 });
    await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
    expect(asked).toEqual([{ tabId: 4, kind: 'fact', selectionText: 'sentenced to two years' }]);
  });

  it('refuses a selection inside a frame: a warning, and nothing sent to any frame', async () => {
    const { menus, asked, warn, sent } = wired();
    menus.click('annotate:person', { id: 4 }, { selectionText: 'bait', frameId: 5 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![1])).toMatch(/inside a frame/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('annotates with the kind used last when the command is pressed', async () => {
    const { menus, asked, settled, local } = wired();
    menus.press(ANNOTATE_LAST_KIND_COMMAND, { id: 2 });
    await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
    await saveSettings(local, { lastKind: 'case' });
    menus.press(ANNOTATE_LAST_KIND_COMMAND, { id: 2 });
    menus.press(ANNOTATE_LAST_KIND_COMMAND);
    menus.press('_execute_action', { id: 2 });
    await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(2));
    expect(asked).toEqual([
      { tabId: 2, kind: 'person', selectionText: null },
      { tabId: 2, kind: 'case', selectionText: null },
    ]);
  });

  it('reports, rather than throws, when the tab has no content script or the kind is not a valid id', async () => {
    const { menus, asked, warn } = wired();
    menus.click('annotate:person', { id: 99 });
    menus.click('annotate:Not A Slug', { id: 4 });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2));
    expect(warn.mock.calls.map(([, error]) => (error as { code: string }).code).sort()).toEqual([
      'bad-message',
      'no-receiver',
    ]);
    expect(asked).toEqual([]);
  });
});
