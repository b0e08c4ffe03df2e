import type { RecordSet } from './envelope';

// A file must be self-contained: every id an annotation or case points to is in the same file.
// JSON Schema cannot say this, so the import checks it here and names the first broken link.

/** A reference to a record that is not in the set, with its JSON path. */
export interface BrokenLink {
  path: string;
  message: string;
}

function duplicate<T extends { id: string }>(list: readonly T[], name: string): BrokenLink | null {
  const seen = new Set<string>();
  for (const [i, item] of list.entries()) {
    if (seen.has(item.id)) return { path: `${name}[${i}].id`, message: `duplicate id ${item.id}` };
    seen.add(item.id);
  }
  return null;
}

/** The first duplicate id or dangling reference in `set`, or null when every link resolves. */
export function findBrokenLink(set: RecordSet): BrokenLink | null {
  const dup =
    duplicate(set.sources, 'sources') ??
    duplicate(set.annotations, 'annotations') ??
    duplicate(set.persons, 'persons') ??
    duplicate(set.cases, 'cases');
  if (dup) return dup;
  const sources = new Set(set.sources.map((s) => s.id));
  const persons = new Set(set.persons.map((p) => p.id));
  const cases = new Set(set.cases.map((c) => c.id));
  for (const [i, a] of set.annotations.entries()) {
    if (!sources.has(a.sourceId)) return { path: `annotations[${i}].sourceId`, message: `no source ${a.sourceId}` };
    const p = a.personIds.findIndex((id) => !persons.has(id));
    if (p >= 0) return { path: `annotations[${i}].personIds[${p}]`, message: `no person ${a.personIds[p]}` };
    const c = a.caseIds.findIndex((id) => !cases.has(id));
    if (c >= 0) return { path: `annotations[${i}].caseIds[${c}]`, message: `no case ${a.caseIds[c]}` };
  }
  for (const [i, k] of set.cases.entries()) {
    const p = k.personIds.findIndex((id) => !persons.has(id));
    if (p >= 0) return { path: `cases[${i}].personIds[${p}]`, message: `no person ${k.personIds[p]}` };
  }
  return null;
}
