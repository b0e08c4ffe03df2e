import { caseConflicts, caseProposals, caseTimeline, formatArticle } from '@/lib/records/case-facts';
import { updateCase } from '@/lib/records/case-ops';
import { mentionDate, type Mention } from '@/lib/records/mentions';
import type { Case } from '@/lib/schema/case';
import { MentionBody } from './MentionBody';
import { useWorkspace } from './hooks/workspace';

/** What the case's fact highlights say: a timeline, disagreements side by side, and values to adopt. */
export function CaseFacts(props: { kase: Case; mentions: readonly Mention[]; nameOf: (personId: string) => string }) {
  const { kase, mentions, nameOf } = props;
  const { run } = useWorkspace();
  const timeline = caseTimeline(mentions);
  const conflicts = caseConflicts(kase, mentions);
  const proposals = caseProposals(kase, mentions);
  const others = mentions.filter((m) => !m.annotation.fact);
  return (
    <>
      {(proposals.articles.length > 0 || proposals.sentences.length > 0 || proposals.personIds.length > 0) && (
        <>
          <h4>From the facts</h4>
          <ul class="plain">
            {proposals.articles.map((a) => (
              <li key={formatArticle(a)}>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => void run((c) => updateCase(c, kase.id, { legalArticles: [...kase.legalArticles, a] }))}
                >
                  Add {formatArticle(a)}
                </button>
              </li>
            ))}
            {proposals.personIds.map((id) => (
              <li key={id}>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => void run((c) => updateCase(c, kase.id, { personIds: [...kase.personIds, id] }))}
                >
                  Add {nameOf(id)} to the case
                </button>
              </li>
            ))}
            {proposals.sentences.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => void run((c) => updateCase(c, kase.id, { sentence: s }))}
                >
                  Use “{s}” as the sentence
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {conflicts.length > 0 && (
        <>
          <h4>Sources disagree</h4>
          {conflicts.map((c) => (
            <div key={c.field} class="conflict" role="group" aria-label={`Conflicting ${c.field}`}>
              <div class="muted">{c.field}</div>
              <div class="side-by-side">
                {c.values.map((v) => (
                  <div key={v.value} class="value">
                    <strong>{v.value}</strong>
                    <div class="muted">{v.sources.join(', ')}</div>
                  </div>
                ))}
              </div>
            </div>
          ))}
        </>
      )}
      <h4>Timeline</h4>
      {timeline.length === 0 && <p class="muted">No fact highlights linked yet.</p>}
      <ol class="records timeline" aria-label={`Timeline of ${kase.title}`}>
        {timeline.map((m) => (
          <li key={m.annotation.id}>
            <div>
              <strong>{mentionDate(m).slice(0, 10)}</strong> {m.annotation.fact?.eventType ?? 'fact'}
              {m.annotation.fact?.legalArticle && ` · ${formatArticle(m.annotation.fact.legalArticle)}`}
              {m.annotation.fact?.term && ` · ${m.annotation.fact.term.text}`}
            </div>
            <MentionBody mention={m} />
          </li>
        ))}
      </ol>
      {others.length > 0 && <p class="muted">{others.length} other highlights are linked to this case.</p>}
    </>
  );
}
