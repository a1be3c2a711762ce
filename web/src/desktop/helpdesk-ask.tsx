import { useId, useState } from 'react';
import type { Language, Line } from '../api/api-types.js';
import { api } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { KnowledgeSearch } from './knowledge-search.js';

interface HelpdeskAnswer {
  answer: { id: string; title: string; snippet: string; confidence: number; procedure: boolean } | null;
  results: Array<{ id: string; title: string; snippet: string }>;
  /** Only with a language-model provider configured on the server. */
  draft: { text: string | null } | null;
}

interface Props {
  line: Line;
  language: Language | undefined;
  onOpen: (articleId: string) => void;
}

/** The helpdesk in the assist panel: search the knowledge base, or ask the helpdesk bot a question. */
export function HelpdeskTabs({ line, language, onOpen }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [tab, setTab] = useState<'search' | 'ask'>('search');
  return (
    <div className="helpdesk">
      <div role="tablist" aria-label={t('kb.title')} className="tabs">
        {(['search', 'ask'] as const).map((x) => (
          <button key={x} type="button" role="tab" id={`${id}-${x}`} aria-selected={tab === x} aria-controls={`${id}-panel`} data-testid={`helpdesk-tab-${x}`} onClick={() => setTab(x)}>
            {t(x === 'search' ? 'helpdesk.tab.search' : 'helpdesk.tab.ask')}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'search' ? <KnowledgeSearch line={line} language={language} onOpen={onOpen} /> : <HelpdeskAsk line={line} language={language} onOpen={onOpen} />}
      </div>
    </div>
  );
}

function HelpdeskAsk({ line, language, onOpen }: Props) {
  const { t, language: uiLanguage } = useI18n();
  const inputId = useId();
  const [question, setQuestion] = useState('');
  const [result, setResult] = useState<HelpdeskAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The conversation's language when there is one (articles the customer understands), else the agent's.
  const asked = language ?? (line.languages.includes(uiLanguage) ? uiLanguage : line.languages[0] ?? 'nl');

  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<HelpdeskAnswer>('/api/knowledge/helpdesk', { lineId: line.id, language: asked, question }));
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="helpdesk-ask" aria-live="polite">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (question.trim()) void ask();
        }}
      >
        <label htmlFor={inputId}>{t('helpdesk.question')}</label>
        <input id={inputId} data-testid="helpdesk-question" value={question} maxLength={1000} onChange={(e) => setQuestion(e.target.value)} />
        <button type="submit" data-testid="helpdesk-submit" disabled={busy || !question.trim()}>
          {t('helpdesk.ask')}
        </button>
      </form>
      {error && <p className="form-error">{error}</p>}
      {result?.draft?.text && (
        <div className="helpdesk-answer" data-testid="helpdesk-draft">
          <p className="small muted">{t('helpdesk.draft')}</p>
          <p>{result.draft.text}</p>
        </div>
      )}
      {result?.answer && (
        <div className="helpdesk-answer" data-testid="helpdesk-answer" data-article-id={result.answer.id} data-confidence={result.answer.confidence.toFixed(3)}>
          <p className="small muted">{t('helpdesk.answer', { percent: Math.round(result.answer.confidence * 100) })}</p>
          <button type="button" className="article-link" onClick={() => onOpen(result.answer!.id)}>
            {result.answer.title}
          </button>
          <p className="small">{result.answer.snippet}</p>
        </div>
      )}
      {result && !result.answer && (
        <div data-testid="helpdesk-not-sure">
          <p className="small">{t('helpdesk.notSure')}</p>
          <ul className="article-list">
            {result.results.map((r) => (
              <li key={r.id}>
                <button type="button" className="article-link" data-testid="helpdesk-result" data-article-id={r.id} onClick={() => onOpen(r.id)}>
                  {r.title}
                </button>
                <p className="small muted">{r.snippet}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
