import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '@/lib/messaging/client';
import { toTab } from '@/lib/messaging/browser-transport';
import { setAnnotationLink, type LinkField } from '@/lib/records/annotation-links';
import type { Annotation } from '@/lib/schema/annotation';
import { FactForm } from './FactForm';
import { LinkPicker } from './LinkPicker';
import { NoteEditor } from './NoteEditor';
import { useKinds } from './hooks/use-kinds';
import { useWorkspace } from './hooks/workspace';
import { quoteOf } from '@/lib/schema/quote-of';

type Open = 'none' | 'note' | 'person' | 'case' | 'fact';

/**
 * One highlight of this page: what it is, the words, its note, what it links to, and the ways to
 * edit them. `focusRequest` is set (a new object each time) when the researcher asked, from the
 * page's card, for this highlight's note: the item comes into view with its note field focused.
 */
export function AnnotationItem(props: {
  annotation: Annotation;
  tabId: number | null;
  year: number | null;
  persons: { id: string; name: string }[];
  cases: { id: string; name: string }[];
  focusRequest?: object | null;
  onFocused?: () => void;
}) {
  const { annotation: a, tabId } = props;
  const { run, announce } = useWorkspace();
  const [open, setOpen] = useState<Open>('none');
  const [focusSignal, setFocusSignal] = useState(0);
  const item = useRef<HTMLLIElement>(null);
  const noteButton = useRef<HTMLButtonElement>(null);
  const kinds = useKinds();
  const quote = quoteOf(a);
  const toggle = (what: Open) => setOpen((o) => (o === what ? 'none' : what));

  useEffect(() => {
    if (!props.focusRequest) return;
    setOpen('note');
    setFocusSignal((n) => n + 1);
    item.current?.scrollIntoView({ block: 'nearest' });
    props.onFocused?.();
  }, [props.focusRequest]);

  const reveal = async () => {
    if (tabId === null) return announce('Open the page to see this highlight on it.');
    try {
      const { found } = await request(toTab(tabId), 'annotation/reveal', { id: a.id });
      if (!found) announce('This highlight is not on the page now; its quote is kept here.', true);
    } catch {
      announce('The page is not ready; reload it and try again.', true);
    }
  };
  const unlink = (field: LinkField, id: string) => run((ctx) => setAnnotationLink(ctx, a.id, field, id, false));

  return (
    <li ref={item} class={a.anchoring.state === 'orphaned' ? 'orphan' : undefined}>
      <div class="row">
        <strong>{kinds.find((k) => k.id === a.kind)?.label ?? a.kind}</strong>
        {a.anchoring.state === 'orphaned' && <span class="badge"> Not found on the page</span>}
      </div>
      <button type="button" class="quote" title="Show on the page" onClick={() => void reveal()}>
        <q>{quote}</q>
      </button>
      {a.note && open !== 'note' && <div class="muted">{a.note}</div>}
      {(props.persons.length > 0 || props.cases.length > 0) && (
        <ul class="chips" aria-label="Linked to">
          {props.persons.map((p) => (
            <li key={p.id}>
              Person: {p.name}{' '}
              <button
                type="button"
                class="link"
                aria-label={`Unlink ${p.name}`}
                onClick={() => void unlink('personIds', p.id)}
              >
                ×
              </button>
            </li>
          ))}
          {props.cases.map((c) => (
            <li key={c.id}>
              Case: {c.name}{' '}
              <button
                type="button"
                class="link"
                aria-label={`Unlink ${c.name}`}
                onClick={() => void unlink('caseIds', c.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row actions">
        <button
          type="button"
          class="secondary"
          ref={noteButton}
          aria-expanded={open === 'note'}
          onClick={() => toggle('note')}
        >
          Note…
        </button>
        <button type="button" class="secondary" aria-expanded={open === 'person'} onClick={() => toggle('person')}>
          Person…
        </button>
        <button type="button" class="secondary" aria-expanded={open === 'case'} onClick={() => toggle('case')}>
          Case…
        </button>
        {a.kind === 'fact' && (
          <button type="button" class="secondary" aria-expanded={open === 'fact'} onClick={() => toggle('fact')}>
            Fact details…
          </button>
        )}
      </div>
      {open === 'note' && (
        <NoteEditor
          annotation={a}
          quote={quote}
          focusSignal={focusSignal}
          onDone={() => {
            // Back to the button that opened it, so the keyboard does not lose its place.
            setOpen('none');
            noteButton.current?.focus();
          }}
        />
      )}
      {(open === 'person' || open === 'case') && (
        <LinkPicker
          target={open}
          annotationId={a.id}
          quote={quote}
          linked={open === 'person' ? a.personIds : a.caseIds}
          onDone={() => setOpen('none')}
        />
      )}
      {open === 'fact' && <FactForm annotation={a} year={props.year} onDone={() => setOpen('none')} />}
    </li>
  );
}
