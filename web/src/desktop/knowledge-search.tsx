import { useEffect, useId, useState } from 'react';
import type { KnowledgeSearchResult, Language, Line } from '../api/api-types.js';
import { knowledgeApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';

const SEARCH_DEBOUNCE_MS = 250;

interface Props {
  line: Line;
  /** The conversation's language: the agent reads and quotes articles the customer understands. */
  language: Language | undefined;
  onOpen: (articleId: string) => void;
}

/** The agents' helpdesk: typo-tolerant search over the line's public and internal articles, with topic chips. */
export function KnowledgeSearch({ line, language, onOpen }: Props) {
  const { t, pick } = useI18n();
  const inputId = useId();
  const headingId = useId();
  const [q, setQ] = useState('');
  const [topicId, setTopicId] = useState<string | null>(null);
  const [subtopicId, setSubtopicId] = useState<string | null>(null);
  const [result, setResult] = useState<KnowledgeSearchResult | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    // An empty query browses the line, which gives the topic counts for the chips.
    const timer = setTimeout(() => {
      knowledgeApi.search({ lineId: line.id, q, ...(language ? { language } : {}), ...(topicId ? { topicId } : {}), ...(subtopicId ? { subtopicId } : {}) }).then(
        (r) => {
          if (!live) return;
          setResult(r);
          setFailed(false);
        },
        () => live && setFailed(true),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [line.id, language, q, topicId, subtopicId]);

  const topic = (id: string) => line.taxonomy.find((x) => x.id === id);
  const subtopicLabel = (tId: string, sId: string) => pick(topic(tId)?.subtopics.find((s) => s.id === sId)?.label) || sId;
  const showResults = q.trim() !== '' || topicId !== null;
  const chooseTopic = (id: string) => {
    setTopicId((current) => (current === id ? null : id));
    setSubtopicId(null);
  };

  return (
    <section className="kb-search" aria-labelledby={headingId} data-testid="kb-search">
      <h3 id={headingId}>{t('kb.title')}</h3>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={inputId}>{t('kb.search')}</label>
        <input id={inputId} type="search" data-testid="kb-search-input" value={q} placeholder={t('kb.placeholder')} onChange={(e) => setQ(e.target.value)} />
      </form>
      {result && result.facets.topics.length > 0 && (
        <div className="kb-facets" role="group" aria-label={t('kb.facets')}>
          {result.facets.topics.map((f) => (
            <button key={f.id} type="button" className="facet" data-testid="kb-facet" data-facet-kind="topic" data-facet-id={f.id} aria-pressed={topicId === f.id} onClick={() => chooseTopic(f.id)}>
              {pick(topic(f.id)?.label) || f.id} <span className="facet-count">{f.count}</span>
            </button>
          ))}
          {topicId &&
            result.facets.subtopics
              .filter((f) => f.topicId === topicId)
              .map((f) => (
                <button key={`${f.topicId}/${f.id}`} type="button" className="facet facet-sub" data-testid="kb-facet" data-facet-kind="subtopic" data-facet-id={f.id} aria-pressed={subtopicId === f.id} onClick={() => setSubtopicId((c) => (c === f.id ? null : f.id))}>
                  {subtopicLabel(f.topicId, f.id)} <span className="facet-count">{f.count}</span>
                </button>
              ))}
        </div>
      )}
      {failed && <p className="form-error">{t('kb.failed')}</p>}
      {showResults && result && (
        <>
          <p className="small muted" aria-live="polite">
            {result.total === 0 ? t('kb.none') : t('kb.results', { count: result.total })}
          </p>
          <ul className="article-list">
            {result.hits.map((hit) => (
              <li key={hit.id}>
                <button type="button" className="article-link" data-testid="kb-result" data-article-id={hit.id} onClick={() => onOpen(hit.id)}>
                  {hit.title}
                </button>
                {hit.visibility === 'internal' && <span className="tag">{t('assist.internal')}</span>}
                {hit.procedure && <span className="tag">{t('assist.procedureTag')}</span>}
                <p className="small muted">{hit.snippet}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
