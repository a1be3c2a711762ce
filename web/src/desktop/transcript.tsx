import { useEffect, useMemo, useRef, useState } from 'react';
import type { AttachmentRef } from '../api/channel-types.js';
import { channelApi } from '../api/endpoints.js';
import type { WireEvent } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { PendingMessage } from './desktop-state.js';
import { isSafetyEvent, systemText } from './system-text.js';

/** Routing noise the agent does not need in the transcript. */
const HIDDEN = new Set(['conversation.offered', 'conversation.offer_declined', 'conversation.offer_expired', 'message.delivery', 'message.media']);

interface Delivery {
  status: string;
  error?: { code: string; message: string };
}

/** A WhatsApp media's fetch outcome (`message.media`): the stored file, or why there is none. */
interface MediaOutcome {
  status: 'fetched' | 'refused' | 'failed';
  kind?: string;
  attachment?: AttachmentRef;
  error?: { code: string; message: string };
}

interface Props {
  events: readonly WireEvent[];
  pending: PendingMessage[];
  customerTyping: boolean;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** The conversation as bubbles; texts are rendered as text — only an email's HTML, sanitised by the server, as HTML (MailBody). */
export function Transcript({ events, pending, customerTyping, onRetry, onDiscard }: Props) {
  const { t } = useI18n();
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [events.length, pending.length, customerTyping]);
  // The latest delivery report per message (email and WhatsApp), shown on the agent's bubble.
  const deliveries = useMemo(() => {
    const map = new Map<number, Delivery>();
    for (const e of events) if (e.type === 'message.delivery' && typeof e.data.seq === 'number') map.set(e.data.seq, e.data as unknown as Delivery);
    return map;
  }, [events]);
  const mediaOutcomes = useMemo(() => {
    const map = new Map<number, MediaOutcome>();
    for (const e of events) if (e.type === 'message.media' && typeof e.data.seq === 'number') map.set(e.data.seq, e.data as unknown as MediaOutcome);
    return map;
  }, [events]);
  return (
    <div className="transcript" data-testid="transcript" role="log" aria-live="polite" aria-label={t('transcript.label')} tabIndex={0}>
      {events.filter((e) => !HIDDEN.has(e.type) && !e.type.startsWith('registration.')).map((e) => (
        <EventRow key={e.seq} event={e} delivery={deliveries.get(e.seq)} media={mediaOutcomes.get(e.seq)} />
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

function EventRow({ event, delivery, media }: { event: WireEvent; delivery: Delivery | undefined; media: MediaOutcome | undefined }) {
  const { t, time, dateTime } = useI18n();
  const text = typeof event.data.text === 'string' ? event.data.text : '';
  const subject = typeof event.data.subject === 'string' ? event.data.subject : null;
  const html = typeof event.data.html === 'string' && event.data.html !== '' ? event.data.html : null;
  const attachments = Array.isArray(event.data.attachments) ? (event.data.attachments as AttachmentRef[]) : [];
  if (event.type === 'message.created' || event.type === 'note.created') {
    const note = event.type === 'note.created';
    const side = event.actor.kind === 'customer' ? 'customer' : event.actor.kind === 'bot' ? 'bot' : 'agent';
    const who = note ? t('transcript.note') : side === 'customer' ? t('transcript.customer') : side === 'bot' ? t('transcript.bot') : (event.actor.name ?? t('transcript.agent'));
    return (
      <div className={`bubble bubble-${side} ${note ? 'bubble-note' : ''}`} data-testid={note ? 'note' : 'message'} data-from={side} data-seq={event.seq}>
        <p className="bubble-meta">
          <span className="bubble-who">{who}</span> · <time dateTime={event.at}>{time(event.at)}</time>
          {note && event.actor.name ? ` · ${event.actor.name}` : ''}
          {delivery && <DeliveryStatus delivery={delivery} />}
        </p>
        {subject !== null && (
          <p className="bubble-subject" data-testid="message-subject">
            {t('channel.subject')}: {subject}
          </p>
        )}
        {html ? <MailBody html={html} text={text} /> : <p className="bubble-text">{text}</p>}
        <ChannelContent content={event.data.channelContent} conversationId={event.conversationId} outcome={media} />
        {attachments.length > 0 && (
          <ul className="bubble-attachments" aria-label={t('channel.attachments')} data-testid="message-attachments">
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={channelApi.attachmentUrl(event.conversationId, a.id)} download={a.filename}>
                  {a.filename}
                </a>{' '}
                <span className="muted">({Math.ceil(a.size / 1024)} kB)</span>
              </li>
            ))}
          </ul>
        )}
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

/**
 * An email's body: the HTML as the server sanitised it (sanitize-html: no scripts, styles, images
 * or event handlers; the app's CSP forbids inline scripts besides), or its plain-text alternative.
 */
function MailBody({ html, text }: { html: string; text: string }) {
  const { t } = useI18n();
  const [plain, setPlain] = useState(false);
  return (
    <div className="mail-body">
      {plain ? <p className="bubble-text">{text}</p> : <div className="bubble-html" data-testid="message-html" dangerouslySetInnerHTML={{ __html: html }} />}
      <button type="button" className="link-button small" onClick={() => setPlain(!plain)}>
        {plain ? t('channel.showHtml') : t('channel.showText')}
      </button>
    </div>
  );
}

function DeliveryStatus({ delivery }: { delivery: Delivery }) {
  const { t } = useI18n();
  if (delivery.status === 'failed') {
    const reason = delivery.error ? `${delivery.error.message} (${delivery.error.code})` : '';
    return (
      <span className="form-error" data-testid="delivery-status" data-status="failed">
        {' '}
        · {t('delivery.failed', { reason })}
      </span>
    );
  }
  const key = delivery.status === 'read' ? 'delivery.read' : delivery.status === 'delivered' ? 'delivery.delivered' : 'delivery.sent';
  return (
    <span data-testid="delivery-status" data-status={delivery.status}>
      {' '}
      · {t(key)}
    </span>
  );
}

/**
 * What a WhatsApp message carried besides text: a place (with a map link), or media — a preview of
 * a fetched picture, a download link for another file, why it was not kept, or (still at the
 * provider, being fetched) its kind.
 */
function ChannelContent({ content, conversationId, outcome }: { content: unknown; conversationId: string; outcome: MediaOutcome | undefined }) {
  const { t } = useI18n();
  if (typeof content !== 'object' || content === null) return null;
  const { location, media } = content as { location?: { latitude: number; longitude: number }; media?: { kind: string; mimeType: string | null } };
  if (location && Number.isFinite(location.latitude) && Number.isFinite(location.longitude)) {
    const href = `https://www.openstreetmap.org/?mlat=${location.latitude}&mlon=${location.longitude}#map=17/${location.latitude}/${location.longitude}`;
    return (
      <p className="bubble-meta" data-testid="message-location">
        <a href={href} target="_blank" rel="noopener noreferrer">
          {t('channel.location')}: {location.latitude.toFixed(5)}, {location.longitude.toFixed(5)}
        </a>
      </p>
    );
  }
  if (media && outcome) return <FetchedMedia conversationId={conversationId} kind={media.kind} outcome={outcome} />;
  if (media) {
    return (
      <p className="bubble-meta" data-testid="message-media">
        {t('channel.media', { kind: media.kind, type: media.mimeType ?? '' })}
      </p>
    );
  }
  return null;
}

function FetchedMedia({ conversationId, kind, outcome }: { conversationId: string; kind: string; outcome: MediaOutcome }) {
  const { t } = useI18n();
  const file = outcome.attachment;
  if (outcome.status === 'fetched' && file) {
    const href = channelApi.attachmentUrl(conversationId, file.id);
    const picture = file.contentType.startsWith('image/') && file.contentType !== 'image/heic';
    // AMR plays in no browser: it stays a download link only.
    const audio = file.contentType.startsWith('audio/') && file.contentType !== 'audio/amr';
    const video = file.contentType.startsWith('video/');
    return (
      <div className="bubble-media" data-testid="message-media" data-status="fetched">
        {picture && (
          <a href={href} download={file.filename}>
            <img className="bubble-picture" src={href} alt={t('channel.mediaPicture')} />
          </a>
        )}
        {audio && <audio className="bubble-audio" controls preload="metadata" src={href} aria-label={t('channel.mediaVoiceNote')} data-testid="message-audio" />}
        {video && <video className="bubble-video" controls preload="metadata" src={href} aria-label={t('channel.mediaVideo')} data-testid="message-video" />}
        <p className="bubble-meta">
          <a href={href} download={file.filename}>
            {t('channel.mediaDownload', { name: file.filename })}
          </a>{' '}
          <span className="muted">({Math.ceil(file.size / 1024)} kB)</span>
        </p>
      </div>
    );
  }
  const text =
    outcome.status === 'refused'
      ? t('channel.mediaRefused', { reason: outcome.error?.code === 'ATTACHMENT_TOO_LARGE' ? t('channel.mediaTooLarge') : t('channel.mediaTypeRefused') })
      : kind === 'image' || kind === 'sticker'
        ? t('channel.mediaPictureFailed')
        : t('channel.mediaFileFailed');
  return (
    <p className="bubble-meta form-error" data-testid="message-media" data-status={outcome.status}>
      {text}
    </p>
  );
}
