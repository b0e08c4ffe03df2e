import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging/client';
import { toTab } from '@/lib/messaging/browser-transport';
import type { PageSuggestion } from '@/lib/messaging/protocol';
import { usePageChanges } from './hooks/use-page-changes';

// The page's known-entity suggestions, as its content script shows them. The list lives in the tab
// (only it has the ranges), so the panel asks for it, after each of its own actions and whenever the
// content script says the list changed (late text, a rescan).

/** Suggested mentions on the page beside the panel, each one linkable or dismissable. */
export function PageSuggestions({ tabId }: { tabId: number }) {
  const [items, setItems] = useState<PageSuggestion[] | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    request(toTab(tabId), 'suggestions/list', {})
      .then((r) => setItems(r.suggestions))
      .catch(() => setItems([]));
  useEffect(() => void load(), [tabId]);
  usePageChanges(tabId, 'suggestions', () => void load());
  const act = ({ id, quote }: PageSuggestion, action: 'accept' | 'dismiss') =>
    void request(toTab(tabId), 'suggestion/act', { id, quote, action })
      .then(({ done }) => setError(done ? '' : 'That suggestion is no longer on the page.'))
      .catch((e: unknown) => setError(`Not done: ${e instanceof Error ? e.message : String(e)}`))
      .then(load);
  if (!items) return <p class="muted">Looking for known persons and articles…</p>;
  if (!items.length) return <p class="muted">No suggestions on this page.</p>;
  return (
    <>
      {error && (
        <p role="status" class="error">
          {error}
        </p>
      )}
      <ul aria-label="Suggestions on this page" class="records">
        {items.map((s) => (
          <li key={`${s.id}:${s.quote}`}>
            <q>{s.quote}</q> → <strong>{s.label}</strong>{' '}
            <button
              type="button"
              aria-label={`${s.kind === 'person' ? 'Link' : 'Add fact'}: ${s.quote}`}
              onClick={() => act(s, 'accept')}
            >
              {s.kind === 'person' ? 'Link' : 'Add fact'}
            </button>{' '}
            <button type="button" aria-label={`Dismiss: ${s.quote}`} onClick={() => act(s, 'dismiss')}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
