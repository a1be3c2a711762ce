import { useEffect, useRef } from 'react';
import type { WireEvent } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { PendingMessage } from './desktop-state.js';
import { isSafetyEvent, systemText } from './system-text.js';

/** Routing noise the agent does not need in the transcript. */
const HIDDEN = new Set(['conversation.offered', 'conversation.offer_declined', 'conversation.offer_expired']);

interface Props {
  events: readonly WireEvent[];
  pending: PendingMessage[];
  customerTyping: boolean;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** The conversation as bubbles; every text is rendered as text, never as HTML. */
export function Transcript({ events, pending, customerTyping, onRetry, onDiscard }: Props) {
  const { t } = useI18n();
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [events.length, pending.length, customerTyping]);
  return (
    <div className="transcript" data-testid="transcript" role="log" aria-live="polite" aria-label={t('transcript.label')} tabIndex={0}>
      {events.filter((e) => !HIDDEN.has(e.type) && !e.type.startsWith('registration.')).map((e) => (
        <EventRow key={e.seq} event={e} />
      ))}
      {pending.map((p) => (
        <div key={p.clientId} className={`bubble bubble-agent ${p.internal ? 'bubble-note' : ''} bubble-pending`} data-testid="message-pending">
          <p className="bubble-text">{p.text}</p>
          <p className="bubble-meta">
            {p.error ? (
              <>
                <span className="form-error">{t('transcript.failed')}</span>{' '}
                <button type="button" className="link-button" onClick={() => onRetry(p.clientId)}>
                  {t('transcript.retry')}
                </button>{' '}
                <button type="button" className="link-button" onClick={() => onDiscard(p.clientId)}>
                  {t('common.dismiss')}
                </button>
              </>
            ) : (
              t('transcript.sending')
            )}
          </p>
        </div>
      ))}
      {customerTyping && (
        <p className="typing-indicator" data-testid="customer-typing">
          {t('transcript.typing')}
        </p>
      )}
      <div ref={end} />
    </div>
  );
}

function EventRow({ event }: { event: WireEvent }) {
  const { t, time, dateTime } = useI18n();
  const text = typeof event.data.text === 'string' ? event.data.text : '';
  if (event.type === 'message.created' || event.type === 'note.created') {
    const note = event.type === 'note.created';
    const side = event.actor.kind === 'customer' ? 'customer' : event.actor.kind === 'bot' ? 'bot' : 'agent';
    const who = note ? t('transcript.note') : side === 'customer' ? t('transcript.customer') : side === 'bot' ? t('transcript.bot') : (event.actor.name ?? t('transcript.agent'));
    return (
      <div className={`bubble bubble-${side} ${note ? 'bubble-note' : ''}`} data-testid={note ? 'note' : 'message'} data-from={side} data-seq={event.seq}>
        <p className="bubble-meta">
          <span className="bubble-who">{who}</span> · <time dateTime={event.at}>{time(event.at)}</time>
          {note && event.actor.name ? ` · ${event.actor.name}` : ''}
        </p>
        <p className="bubble-text">{text}</p>
      </div>
    );
  }
  const safety = isSafetyEvent(event);
  return (
    <p className={safety ? 'system-line system-safety' : 'system-line'} data-testid="system-event" data-type={event.type}>
      <time dateTime={event.at}>{time(event.at)}</time> {systemText(event, t, time, dateTime)}
    </p>
  );
}
