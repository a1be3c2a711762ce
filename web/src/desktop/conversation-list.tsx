import { useI18n } from '../i18n/i18n-context.js';
import { hasEnded, type ConversationEntry } from './desktop-state.js';

export function ConversationList({ conversations, selectedId, onSelect }: { conversations: ConversationEntry[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <nav className="conversation-list" aria-label={t('conversations.title')}>
      <h2>
        {t('conversations.title')} <span className="count" data-testid="conversation-count">{conversations.length}</span>
      </h2>
      {conversations.length === 0 ? (
        <p className="muted">{t('conversations.none')}</p>
      ) : (
        <ul>
          {conversations.map((c, i) => {
            const last = [...c.log.events].reverse().find((e) => e.type === 'message.created');
            return (
              <li key={c.id}>
                <button
                  type="button"
                  data-testid="conversation-item"
                  data-conversation-id={c.id}
                  aria-current={c.id === selectedId ? 'true' : undefined}
                  className={c.id === selectedId ? 'selected' : undefined}
                  onClick={() => onSelect(c.id)}
                >
                  <span className="item-title">
                    {i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>} {c.details?.contact.displayName || c.details?.contact.pseudonym || c.id}
                  </span>
                  <span className="item-sub">
                    {c.details?.line.name ?? ''}
                    {hasEnded(c) ? ` · ${t('conversations.ended')}` : ''}
                  </span>
                  {last && <span className="item-last">{String(last.data.text ?? '')}</span>}
                  {c.customerTyping && <span className="item-typing">{t('transcript.typing')}</span>}
                  {c.unread > 0 && (
                    <span className="badge" data-testid="conversation-unread">
                      {c.unread}
                      <span className="visually-hidden"> {t('conversations.unread')}</span>
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
