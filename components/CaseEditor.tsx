import { useEffect, useState } from 'preact/hooks';
import { formatArticle } from '@/lib/records/case-facts';
import { updateCase } from '@/lib/records/case-ops';
import { CASE_STATUSES, type Case } from '@/lib/schema/case';
import { useWorkspace } from './hooks/workspace';

const TEXT_FIELDS = [
  { key: 'title', label: 'Title' },
  { key: 'court', label: 'Court' },
  { key: 'judge', label: 'Judge' },
  { key: 'facility', label: 'Facility' },
  { key: 'sentence', label: 'Sentence' },
] as const;
type Draft = Record<(typeof TEXT_FIELDS)[number]['key'], string> & { status: Case['status'] };

const draftOf = (kase: Case): Draft => ({
  title: kase.title,
  court: kase.court ?? '',
  judge: kase.judge ?? '',
  facility: kase.facility ?? '',
  sentence: kase.sentence ?? '',
  status: kase.status,
});

/** The case's own fields and legal articles, edited and saved together (one undoable edit). */
export function CaseEditor({ kase }: { kase: Case }) {
  const { run } = useWorkspace();
  const [draft, setDraft] = useState(() => draftOf(kase));
  const [article, setArticle] = useState({ code: 'Criminal Code', article: '', part: '' });
  useEffect(() => setDraft(draftOf(kase)), [kase]);
  const setArticles = (legalArticles: Case['legalArticles']) => run((c) => updateCase(c, kase.id, { legalArticles }));
  return (
    <>
      <h4>Legal articles</h4>
      {kase.legalArticles.length === 0 && <p class="muted">None recorded.</p>}
      <ul class="chips" aria-label={`Legal articles of ${kase.title}`}>
        {kase.legalArticles.map((a, i) => (
          <li key={formatArticle(a)}>
            {formatArticle(a)}{' '}
            <button
              type="button"
              class="link"
              aria-label={`Remove ${formatArticle(a)}`}
              onClick={() => void setArticles(kase.legalArticles.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        class="row"
        aria-label="Add legal article"
        onSubmit={(e) => {
          e.preventDefault();
          const next = {
            code: article.code.trim(),
            article: article.article.trim(),
            part: article.part.trim() || null,
          };
          void setArticles([...kase.legalArticles, next]).then(
            (done) => done && setArticle({ ...article, article: '', part: '' }),
          );
        }}
      >
        {(['code', 'article', 'part'] as const).map((key) => (
          <label key={key} class={key === 'code' ? undefined : 'narrow'}>
            <span>{key === 'code' ? 'Code' : key === 'article' ? 'Article' : 'Part'}</span>
            <input
              type="text"
              value={article[key]}
              onInput={(e) => setArticle({ ...article, [key]: (e.target as HTMLInputElement).value })}
            />
          </label>
        ))}
        <button type="submit" disabled={!article.article.trim() || !article.code.trim()}>
          Add article
        </button>
      </form>
      <h4>Details</h4>
      <form
        class="case-form"
        aria-label="Case details"
        onSubmit={(e) => {
          e.preventDefault();
          void run((c) => updateCase(c, kase.id, draft));
        }}
      >
        {TEXT_FIELDS.map((f) => (
          <label key={f.key}>
            <span>{f.label}</span>
            <input
              type="text"
              value={draft[f.key]}
              onInput={(e) => setDraft({ ...draft, [f.key]: (e.target as HTMLInputElement).value })}
            />
          </label>
        ))}
        <label>
          <span>Status</span>
          <select
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: (e.target as HTMLSelectElement).value as Case['status'] })}
          >
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Save case</button>
      </form>
    </>
  );
}
