import { useState } from 'react';
import { api } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';

interface ConversationSummary {
  question: string | null;
  outcome: string | null;
  sentences: string[];
  source: 'extractive' | 'llm';
}

/**
 * A conversation's summary, asked for when the agent opens it (summaries are not free: the
 * optional provider is called per request). Used under the conversation header and per item of
 * the history panel.
 */
export function SummaryDetails({ conversationId, testId }: { conversationId: string; testId: string }) {
  const { t } = useI18n();
  const [summary, setSummary] = useState<ConversationSummary | null>(null);
  const [failed, setFailed] = useState(false);
  const [asked, setAsked] = useState(false);
  const load = () => {
    if (asked) return;
    setAsked(true);
    api.get<ConversationSummary>(`/api/conversations/${encodeURIComponent(conversationId)}/summary`).then(setSummary, () => setFailed(true));
  };
  return (
    <details className="summary-box" data-testid={testId} data-loaded={summary ? 'true' : 'false'} onToggle={(e) => (e.currentTarget.open ? load() : undefined)}>
      <summary>{t('summary.title')}</summary>
      {failed && <p className="form-error">{t('summary.failed')}</p>}
      {asked && !summary && !failed && <p className="muted small">{t('common.loading')}</p>}
      {summary && (
        <div aria-live="polite">
          {summary.question && (
            <p data-testid="summary-question">
              <strong>{t('summary.question')}:</strong> {summary.question}
            </p>
          )}
          {summary.outcome && (
            <p data-testid="summary-outcome">
              <strong>{t('summary.outcome')}:</strong> {summary.outcome}
            </p>
          )}
          <ul className="small" data-testid="summary-sentences">
            {summary.sentences
              .filter((s) => s !== summary.question && s !== summary.outcome)
              .map((s, i) => (
                <li key={i}>{s}</li>
              ))}
          </ul>
          <p className="muted small">{t(summary.source === 'llm' ? 'summary.source.llm' : 'summary.source.extractive')}</p>
        </div>
      )}
    </details>
  );
}
