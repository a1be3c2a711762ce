import { useEffect, useState } from 'react';
import type { HistoryEntry, Line } from '../api/api-types.js';
import { conversationApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { wrapUpLabel } from '../i18n/wrap-up-label.js';
import { SummaryDetails } from './summary-details.js';

/** The contact's earlier conversations on this line: when, about what, how it ended. */
export function HistoryPanel({ conversationId, line }: { conversationId: string; line: Line | undefined }) {
  const { t, pick, dateTime } = useI18n();
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setHistory(null);
    setFailed(false);
    conversationApi.history(conversationId).then(
      (r) => live && setHistory(r.conversations),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [conversationId]);

  const topicName = (topicId: string, subtopicId: string | null) => {
    const topic = line?.taxonomy.find((x) => x.id === topicId);
    const sub = topic?.subtopics.find((s) => s.id === subtopicId);
    return [topic ? pick(topic.label) : topicId, sub ? pick(sub.label) : subtopicId].filter(Boolean).join(' › ');
  };
  const wrapUpName = (code: string) => wrapUpLabel(code, line, t, pick);

  return (
    <section className="panel" aria-labelledby="history-title" data-testid="history-panel">
      <h2 id="history-title">
        {t('history.title')} {history && <span className="count">{history.length}</span>}
      </h2>
      {failed && <p className="form-error">{t('history.failed')}</p>}
      {history === null && !failed && <p className="muted">{t('common.loading')}</p>}
      {history?.length === 0 && <p className="muted">{t('history.none')}</p>}
      {history && history.length > 0 && (
        <ul className="history-list">
          {history.map((h) => (
            <li key={h.id} data-testid="history-item">
              <p>
                <time dateTime={h.createdAt}>{dateTime(h.createdAt)}</time> · {t(`channel.${h.channel}`)}
              </p>
              <p className="small">{h.topics.length > 0 ? h.topics.map((x) => topicName(x.topicId, x.subtopicId)).join(', ') : t('history.noTopics')}</p>
              {h.wrapUpCode && <p className="small muted" data-testid="history-wrap-up">{t('registration.wrapUp')}: {wrapUpName(h.wrapUpCode)}</p>}
              <SummaryDetails conversationId={h.id} testId="history-summary" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
