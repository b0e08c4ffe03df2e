import type { Declarations } from './source-metadata-declarations';

// JSON-LD is the most deliberate metadata a news page carries, so it is read first. It is page input:
// parsed with JSON.parse only, anything that is not the expected shape is skipped, and the walk is
// bounded so a hostile block cannot make the content script spin.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: Json };

// Bounds on hostile input: blocks read, characters per block, objects indexed, nesting followed.
const MAX_BLOCKS = 50;
const MAX_BLOCK_CHARS = 1_000_000;
const MAX_NODES = 5_000;
const MAX_DEPTH = 12;
const MAX_AUTHOR_ENTRIES = 200;

// Article types come before page types: an Article node describes the text, a WebPage node the container.
const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
  'ScholarlyArticle',
]);
const PAGE_TYPES = new Set(['WebPage', 'ItemPage', 'AboutPage', 'CollectionPage']);

function isNode(value: Json | undefined): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: Json | undefined): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

// "schema:NewsArticle" and "https://schema.org/NewsArticle" name the same type as "NewsArticle".
function typeNames(node: Node): string[] {
  return asList(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.replace(/^.*[/:#]/, ''));
}

function parseBlock(source: string): Json | undefined {
  if (source.length > MAX_BLOCK_CHARS) return undefined;
  try {
    return JSON.parse(source) as Json;
  } catch {
    return undefined;
  }
}

/** The JSON-LD blocks of the page, parsed; malformed or oversized blocks are left out. */
function readBlocks(root: Document): Json[] {
  const blocks: Json[] = [];
  for (const script of Array.from(root.querySelectorAll('script[type]'))) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (!type.startsWith('application/ld+json')) continue;
    const parsed = parseBlock(script.textContent ?? '');
    if (parsed !== undefined) blocks.push(parsed);
    if (blocks.length === MAX_BLOCKS) break;
  }
  return blocks;
}

/** Every object with an `@id`, so references such as `"publisher": {"@id": "#org"}` can be followed. */
function indexIds(blocks: Json[]): Map<string, Node> {
  const index = new Map<string, Node>();
  let visited = 0;
  const walk = (value: Json, depth: number): void => {
    if (depth > MAX_DEPTH || visited >= MAX_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    if (!isNode(value)) return;
    visited += 1;
    const id = value['@id'];
    // The fullest description wins over bare references to it.
    if (typeof id === 'string' && Object.keys(value).length > Object.keys(index.get(id) ?? {}).length) {
      index.set(id, value);
    }
    for (const child of Object.values(value)) walk(child, depth + 1);
  };
  for (const block of blocks) walk(block, 0);
  return index;
}

/** Top-level nodes and those of `@graph`, where sites put the description of the page itself. */
function topNodes(blocks: Json[]): Node[] {
  const nodes: Node[] = [];
  const visit = (value: Json, depth: number): void => {
    if (depth > 3 || nodes.length >= MAX_NODES) return;
    for (const item of asList(value)) {
      if (!isNode(item)) continue;
      if (item['@graph'] !== undefined) visit(item['@graph'], depth + 1);
      if (item['@type'] !== undefined) nodes.push(item);
    }
  };
  for (const block of blocks) visit(block, 0);
  return nodes;
}

function deref(value: Json | undefined, index: Map<string, Node>): Json | undefined {
  if (!isNode(value)) return value;
  const id = value['@id'];
  return typeof id === 'string' ? (index.get(id) ?? value) : value;
}

/** A plain string from a JSON-LD value: a string, a `{"@value": ...}`, or the first of a list of those. */
function textOf(value: Json | undefined): string | null {
  for (const item of asList(value)) {
    if (typeof item === 'string') return item;
    if (isNode(item) && typeof item['@value'] === 'string') return item['@value'];
  }
  return null;
}

function nameOf(value: Json | undefined, index: Map<string, Node>): string | null {
  const entity = deref(value, index);
  if (typeof entity === 'string') return entity;
  if (!isNode(entity)) return null;
  const name = textOf(entity['name']);
  if (name !== null) return name;
  // A Person may be given only in parts.
  const parts = [textOf(entity['givenName']), textOf(entity['familyName'])].filter((part) => part !== null);
  return parts.length ? parts.join(' ') : null;
}

function authorsOf(node: Node, index: Map<string, Node>): string[] {
  return asList(node['author'])
    .slice(0, MAX_AUTHOR_ENTRIES)
    .map((author) => nameOf(author, index))
    .filter((name) => name !== null);
}

function addressOf(value: Json | undefined, index: Map<string, Node>): string | null {
  const entity = deref(value, index);
  if (typeof entity === 'string') return entity;
  if (!isNode(entity)) return null;
  return textOf(entity['url']) ?? textOf(entity['@id']);
}

function langOf(value: Json | undefined): string | null {
  const text = textOf(value);
  if (text !== null) return text;
  // schema.org also allows a Language node, whose tag sits in alternateName.
  const first = asList(value)[0];
  return isNode(first) ? textOf(first['alternateName']) : null;
}

/** What the page's JSON-LD declares, from article nodes first, then page nodes, each in document order. */
export function readJsonLd(root: Document): Declarations {
  const blocks = readBlocks(root);
  const index = indexIds(blocks);
  const nodes = topNodes(blocks);
  const described = [
    ...nodes.filter((node) => typeNames(node).some((type) => ARTICLE_TYPES.has(type))),
    ...nodes.filter((node) => {
      const types = typeNames(node);
      return types.some((type) => PAGE_TYPES.has(type)) && !types.some((type) => ARTICLE_TYPES.has(type));
    }),
  ];
  const pick = (read: (node: Node) => string | null) =>
    described.map(read).filter((value): value is string => value !== null);
  return {
    title: [...pick((node) => textOf(node['headline'])), ...pick((node) => textOf(node['name']))],
    siteName: pick((node) => nameOf(node['publisher'], index)),
    authors: described.map((node) => authorsOf(node, index)),
    lang: pick((node) => langOf(node['inLanguage'])),
    publishedTime: pick((node) => textOf(node['datePublished'])),
    modifiedTime: pick((node) => textOf(node['dateModified'])),
    canonicalUrl: [
      ...pick((node) => addressOf(node['mainEntityOfPage'], index)),
      ...pick((node) => textOf(node['url'])),
    ],
  };
}
