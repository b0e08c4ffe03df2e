import type { PaintItem } from '@/lib/annotator/highlight-painter';
import type { KindDefinition } from '@/lib/schema/kinds';

// The painter the extension used before issue 11, kept here only to be measured beside today's:
// it painted with the CSS Custom Highlight API, whose registry (`CSS.highlights`) and adopted style
// sheets any page script can read. Not shipped.

/** What the benchmark drives of a painter. */
export interface BenchPainter {
  setKinds(kinds: readonly KindDefinition[]): void;
  paint(items: readonly PaintItem[]): void;
  destroy(): void;
}

const FLASH = 'sa-flash';
const highlightName = (kind: string) => `sa-${kind}`;

function cssFor(kinds: readonly KindDefinition[]): string {
  const rules = kinds.map(
    (k) => `::highlight(${highlightName(k.id)}) { background-color: ${k.color}; color: #111111; }`,
  );
  return `${rules.join('\n')}\n::highlight(${FLASH}) { background-color: #ffe066; color: #000000; text-decoration: underline 3px #b3261e; }`;
}

export function highlightApiPainter(doc: Document): BenchPainter {
  const view = doc.defaultView as Window & typeof globalThis;
  const sheet = new view.CSSStyleSheet();
  // An adopted sheet styles ::highlight() without adding an element to the page.
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  let names: string[] = [];

  return {
    setKinds(kinds) {
      sheet.replaceSync(cssFor(kinds));
    },
    paint(next) {
      for (const name of names) view.CSS.highlights.delete(name);
      const byKind = new Map<string, Range[]>();
      for (const item of next) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item.range]);
      names = [];
      for (const [kind, ranges] of byKind) {
        view.CSS.highlights.set(highlightName(kind), new view.Highlight(...ranges));
        names.push(highlightName(kind));
      }
    },
    destroy() {
      for (const name of [...names, FLASH]) view.CSS.highlights.delete(name);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
