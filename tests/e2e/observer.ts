import type { Page } from 'playwright-core';

// What a hostile page's own script observed of the extension (tests/fixtures/pages/observer.js),
// read back by the tests, and the checks issue 11 makes of it.

/** A node as the page's script saw it in a mutation or as an event's target. */
export interface SeenNode {
  name: string;
  attributes?: [string, string][];
  text?: string;
  children?: number;
}

/** Everything window.__snapshot() returns. */
export interface Observed {
  highlightCount: number;
  highlights: { name: string; priority: number; type: string; ranges: string[] }[];
  adoptedStyleSheets: string[];
  styleSheets: { owner: string | null; href: string | null; css: string }[];
  elements: { tag: string; attributes: [string, string][] }[];
  hosts: {
    parent: string | null;
    attributes: [string, string][];
    childNodes: number;
    openShadowRoot: boolean;
    display: string;
    box: number[];
  }[];
  marks: number;
  animations: number;
  fonts: number;
  frames: number;
  newGlobals: string[];
  /** Mutations before DOMContentLoaded: the parser's, and any script's that ran while it parsed. */
  parsing: Observed['mutations'];
  /** Mutations after DOMContentLoaded. */
  mutations: {
    type: string;
    target: string;
    attribute?: string;
    oldValue?: string | null;
    value?: string | null;
    text?: string;
    added?: (SeenNode | null)[];
    removed?: (SeenNode | null)[];
  }[];
  events: {
    type: string;
    on: string;
    trusted: boolean;
    target: SeenNode | null;
    composedPath: string[];
    key?: string;
    code?: string;
    data?: unknown;
    inputType?: string;
    detail?: string;
    selection?: string;
  }[];
  messages: { data: string; origin: string; source: boolean }[];
}

/** What the page's script has observed so far. */
export function observed(page: Page): Promise<Observed> {
  return page.evaluate(() => (window as unknown as { __snapshot(): Observed }).__snapshot());
}

/** The event types that carry what a person types. */
export const TYPING_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'input',
  'beforeinput',
  'textInput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'change',
];

/**
 * The words of `texts` that a log must not contain: each text itself, and each of its words of
 * five letters or more (a name's parts, a quote's words), case-folded.
 */
export function secretsOf(...texts: string[]): string[] {
  const words = texts.flatMap((t) => [t, ...t.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5)]);
  return [...new Set(words.map((w) => w.toLocaleLowerCase()))];
}

/** The secrets of `secrets` found anywhere in the log, in its JSON (so in any field). */
export function leakedIn(log: unknown, secrets: readonly string[]): string[] {
  const text = JSON.stringify(log).toLocaleLowerCase();
  return secrets.filter((s) => text.includes(s));
}

/** Replaces every occurrence of each key of `replacements` in the log's strings by its value. */
export function normalised<T>(log: T, replacements: Record<string, string>): T {
  let text = JSON.stringify(log);
  for (const [from, to] of Object.entries(replacements)) text = text.split(JSON.stringify(from).slice(1, -1)).join(to);
  return JSON.parse(text) as T;
}

/**
 * The log without the page's own text: the parser's mutations keep their node names and
 * attributes but lose the text they carried (each page's own words, not something it learnt).
 */
export function withoutPageText(log: Observed): Observed {
  const strip = (node: SeenNode | null) => node && { ...node, text: undefined };
  return {
    ...log,
    parsing: log.parsing.map((m) => ({
      ...m,
      text: undefined,
      oldValue: undefined,
      added: m.added?.map(strip),
      removed: m.removed?.map(strip),
    })),
  };
}
