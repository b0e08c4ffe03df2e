import type { CDPSession, Page } from 'playwright-core';

// The extension's in-page UI lives in a closed shadow root, out of reach of the page's scripts and
// of DOM selectors. Tests find it the way assistive technology does: through Chromium's
// accessibility tree, by role and accessible name, and then click where it is drawn.

interface AXNode {
  nodeId: string;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
  childIds?: string[];
  ignored?: boolean;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** Every node of the page's accessibility tree, by id. */
async function tree(page: Page): Promise<Map<string, AXNode>> {
  const session = await cdp(page);
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  return new Map(nodes.map((n) => [n.nodeId, n]));
}

const matches = (node: AXNode, role: string, name?: string | RegExp) =>
  !node.ignored &&
  node.role?.value === role &&
  (name === undefined || (typeof name === 'string' ? node.name?.value === name : name.test(node.name?.value ?? '')));

/** The text a user hears for a node: its static text descendants, joined. */
function textOf(nodes: Map<string, AXNode>, node: AXNode): string {
  if (node.role?.value === 'StaticText') return node.name?.value ?? '';
  return (node.childIds ?? []).map((id) => textOf(nodes, nodes.get(id)!)).join('');
}

/** Finds nodes with `role` (and `name`), with their text. */
export async function queryRole(page: Page, role: string, name?: string | RegExp) {
  const nodes = await tree(page);
  return [...nodes.values()].filter((n) => matches(n, role, name)).map((n) => ({ node: n, text: textOf(nodes, n) }));
}

/** Waits until a node with `role` (and `name`) is in the tree; returns its text. */
export async function waitForRole(page: Page, role: string, name?: string | RegExp, timeout = 5_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [found] = await queryRole(page, role, name);
    if (found) return found.text;
    if (Date.now() > deadline) throw new Error(`no ${role} ${String(name ?? '')} in the accessibility tree`);
    await page.waitForTimeout(50);
  }
}

/** Waits until no node with `role` (and `name`) is in the tree. */
export async function waitForNoRole(page: Page, role: string, name?: string | RegExp, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await queryRole(page, role, name)).length) {
    if (Date.now() > deadline) throw new Error(`${role} ${String(name ?? '')} is still shown`);
    await page.waitForTimeout(50);
  }
}

/** The viewport point at the centre of the element with `role` and `name`, once it is shown. */
export async function roleCentre(page: Page, role: string, name: string | RegExp): Promise<{ x: number; y: number }> {
  await waitForRole(page, role, name);
  const [found] = await queryRole(page, role, name);
  const session = await cdp(page);
  const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: found!.node.backendDOMNodeId! })) as {
    model: { content: number[] };
  };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
}

/** Clicks the centre of the element with `role` and `name`, with the mouse, as a user would. */
export async function clickRole(page: Page, role: string, name: string | RegExp): Promise<void> {
  const { x, y } = await roleCentre(page, role, name);
  await page.mouse.click(x, y);
}
