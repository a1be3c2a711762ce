import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AssistSuggestions, Language, Line, WireEvent } from '../api/api-types.js';
import { knowledgeApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ArticleReader } from './article-reader.js';
import { assistTrigger } from './assist-trigger.js';
import { HelpdeskTabs } from './helpdesk-ask.js';
import { ProcedureGuide } from './procedure-guide.js';

/** A burst of customer messages asks the server once. */
const REFRESH_DEBOUNCE_MS = 700;

interface Props {
  conversationId: string;
  line: Line | undefined;
  /** The conversation's language. */
  language: Language | undefined;
  events: readonly WireEvent[];
}

/**
 * Follows the live conversation: fraud warnings at the top, suggested articles, the guided
 * procedure to walk through, and the knowledge base search. Collapsible; open by default.
 */
export function AssistPanel({ conversationId, line, language, events }: Props) {
  const { t, language: uiLanguage } = useI18n();
  const bodyId = useId();
  const [open, setOpen] = useState(true);
  const [data, setData] = useState<AssistSuggestions | null>(null);
  const [failed, setFailed] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  const loaded = useRef(false);
  const trigger = useMemo(() => assistTrigger(events), [events]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        knowledgeApi.assist(conversationId).then(
          (result) => {
            if (!live) return;
            loaded.current = true;
            setData(result);
            setFailed(false);
          },
          () => live && setFailed(true),
        );
      },
      loaded.current ? REFRESH_DEBOUNCE_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [conversationId, trigger]);

  return (
    <section className="panel assist" aria-labelledby={`${bodyId}-title`} data-testid="assist-panel" data-loaded={data ? 'true' : 'false'}>
      <h2 id={`${bodyId}-title`} className="panel-heading">
        <button type="button" className="panel-toggle" aria-expanded={open} aria-controls={bodyId} data-testid="assist-toggle" onClick={() => setOpen((o) => !o)}>
          {t('assist.title')}
        </button>
        {data && data.warnings.length > 0 && <span className="badge badge-danger">{data.warnings.length}</span>}
      </h2>
      <div id={bodyId} hidden={!open}>
        <div role="alert" className="assist-warnings-region">
          {data && data.warnings.length > 0 && (
            <div className="assist-warnings">
              <p className="assist-warnings-title">{t('assist.warningsTitle')}</p>
              <ul>
                {data.warnings.map((w) => (
                  <li key={w.id} data-testid="assist-warning" data-signal={w.id} data-severity={w.severity}>
                    <strong>{t(`assist.signal.${w.id}`)}</strong> {w.advice[uiLanguage]}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        {failed && <p className="form-error">{t('assist.failed')}</p>}
        {data && data.intents.length > 0 && <p className="small muted" data-testid="assist-intents">{t('assist.intents', { intents: data.intents.join(', ') })}</p>}
        <h3>{t('assist.suggestions')}</h3>
        {data === null && !failed && <p className="muted">{t('common.loading')}</p>}
        {data?.articles.length === 0 && <p className="muted small">{t('assist.none')}</p>}
        {data && data.articles.length > 0 && (
          <ul className="article-list">
            {data.articles.map((a) => (
              <li key={a.id}>
                <button type="button" className="article-link" data-testid="assist-article" data-article-id={a.id} data-reason={a.reason} aria-pressed={reading === a.id} onClick={() => setReading((r) => (r === a.id ? null : a.id))}>
                  {a.title}
                </button>
                <span className="tag">{t(`assist.reason.${a.reason}`)}</span>
                {a.visibility === 'internal' && <span className="tag">{t('assist.internal')}</span>}
                <p className="small muted">{a.snippet}</p>
              </li>
            ))}
          </ul>
        )}
        {reading && <ArticleReader key={reading} articleId={reading} onClose={() => setReading(null)} />}
        {data?.procedure && <ProcedureGuide key={data.procedure.articleId} title={data.procedure.title} steps={data.procedure.steps} warnings={data.procedure.warnings} />}
        {line && <HelpdeskTabs line={line} language={language} onOpen={setReading} />}
      </div>
    </section>
  );
}
