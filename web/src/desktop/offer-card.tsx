import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import type { Offer } from './desktop-state.js';

/** Seconds left until `expiresAt`, ticking; never negative. */
function useSecondsLeft(expiresAt: string): number {
  const end = Date.parse(expiresAt);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((end - now) / 1000));
}

export function OfferCard({ offer, onAccept, onDecline }: { offer: Offer; onAccept: () => void; onDecline: () => void }) {
  const { t } = useI18n();
  const seconds = useSecondsLeft(offer.expiresAt);
  const [total] = useState(() => Math.max(seconds, 1));
  const s = offer.summary;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return (
    <article className="offer-card" data-testid="offer" data-conversation-id={offer.conversationId} data-channel={text(s.channel)} aria-labelledby={`offer-${offer.conversationId}`}>
      <h2 id={`offer-${offer.conversationId}`}>{s.channel === 'voice' ? t('offer.callTitle') : t('offer.title')}</h2>
      <p className="offer-meta">
        <span data-testid="offer-line">{text(s.lineName) || text(s.lineId)}</span>
        {s.queueName ? <span> · {text(s.queueName)}</span> : null}
        {s.channel ? <span> · {t(`channel.${text(s.channel)}` as 'channel.chat')}</span> : null}
        {s.language ? <span> · {text(s.language).toUpperCase()}</span> : null}
      </p>
      <div className="ring" aria-hidden="true">
        <div className="ring-fill" style={{ width: `${(seconds / total) * 100}%` }} />
      </div>
      <p className="offer-countdown" data-testid="offer-countdown">
        {t('offer.expiresIn', { seconds })}
      </p>
      <div className="button-row">
        <button type="button" className="button-primary" data-testid="offer-accept" onClick={onAccept}>
          {t('offer.accept')} <kbd>Alt+A</kbd>
        </button>
        <button type="button" data-testid="offer-decline" onClick={onDecline}>
          {t('offer.decline')} <kbd>Alt+D</kbd>
        </button>
      </div>
    </article>
  );
}
