import type { LinkTarget, RecordMatch } from '../messaging/protocol';
import { el } from './dom';

// The part of the highlight card that ties a highlight to a person or case: a text field prefilled
// with the quote, the matching records the background finds (any spelling or script), and a button
// for a new record named as typed. Built from elements and text only.

/** What the linker asks its owner to do. */
export interface LinkerActions {
  match(target: LinkTarget, query: string): Promise<RecordMatch[]>;
  link(target: LinkTarget, choice: { targetId: string } | { create: string }): Promise<void>;
}

const TYPE_DELAY_MS = 150;

/** Builds the linker for `target`, prefilled with `quote`; `onError` shows a failure on the card. */
export function createCardLinker(
  doc: Document,
  view: Window,
  target: LinkTarget,
  quote: string,
  actions: LinkerActions,
  onError: (message: string) => void,
): HTMLElement {
  const noun = target === 'person' ? 'person' : 'case';
  const input = el(doc, 'input', { type: 'text', 'aria-label': `Link to ${noun}`, maxlength: '500' });
  input.value = quote.replace(/\s+/g, ' ').trim().slice(0, 500);
  const results = el(doc, 'div', { class: 'sa-row', role: 'group', 'aria-label': `Matching ${noun}s` });
  const create = el(doc, 'button', { type: 'button', class: 'sa-plain' });
  const box = el(doc, 'div', { class: 'sa-linker' }, input, results, create);
  const run = (work: Promise<void>) => work.catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  let timer = 0;
  let asked = 0;

  const refresh = () => {
    const name = input.value.replace(/\s+/g, ' ').trim();
    create.textContent = `New ${noun} “${name}”`;
    create.disabled = !name;
    const ticket = ++asked;
    void run(
      actions.match(target, name).then((matches) => {
        if (ticket !== asked) return; // a newer query is on its way
        results.replaceChildren(
          ...matches.map((m) => {
            const button = el(doc, 'button', { type: 'button', class: 'sa-plain' }, m.name);
            if (m.matched !== m.name) button.title = `Matched as ${m.matched}`;
            button.addEventListener('click', () => void run(actions.link(target, { targetId: m.id })));
            return button;
          }),
        );
        if (!matches.length) results.append(el(doc, 'span', { class: 'sa-muted' }, `No ${noun} matches.`));
      }),
    );
  };
  input.addEventListener('input', () => {
    view.clearTimeout(timer);
    timer = view.setTimeout(refresh, TYPE_DELAY_MS);
  });
  create.addEventListener('click', () => {
    const name = input.value.replace(/\s+/g, ' ').trim();
    if (name) void run(actions.link(target, { create: name }));
  });
  refresh();
  return box;
}
