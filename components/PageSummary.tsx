import type { PageDescription } from '@/lib/messaging/protocol';

/** The page's identity as the extension will record it: title, addresses, language, size. */
export function PageSummary({ page }: { page: PageDescription }) {
  return (
    <dl aria-label="Page details">
      <dt>Title</dt>
      <dd>{page.title || '(untitled)'}</dd>
      <dt>Address</dt>
      <dd>{page.url}</dd>
      <dt>Canonical</dt>
      <dd>{page.canonicalUrl ?? 'not declared'}</dd>
      <dt>Language</dt>
      <dd>{page.lang ?? 'not declared'}</dd>
      <dt>Text</dt>
      <dd>{page.textLength.toLocaleString('en')} characters</dd>
    </dl>
  );
}
