import { useEffect, useState } from 'react';
import type { WireEvent } from '../api/api-types.js';
import { conversationApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { useNotices } from '../shell/notice-bar.js';
import { phoneCallStatus, type PhoneCallPhase } from './phone-call-status.js';
import { mmss, useElapsed } from './call-timer.js';

const PHASE_TEXT: Record<PhoneCallPhase, MessageKey> = {
  connecting: 'phone.connecting',
  connected: 'phone.connected',
  on_hold: 'phone.onHold',
  transferred: 'phone.transferred',
  ended: 'phone.ended',
};

interface Props {
  conversationId: string;
  myId: string;
  events: readonly WireEvent[];
  onTransfer: () => void;
  /** After an action, so the log shows it even before the socket delivers it. */
  onDone: () => void;
}

/**
 * The controls of a call that came in on a phone line: the agent talks on their own phone client, so
 * there is no answer, mute or keypad here — hold (the caller hears music), resume, transfer, hang-up and
 * the call timer. Each button asks the server, which changes the live call through the provider.
 */
export function PhoneLineControls({ conversationId, myId, events, onTransfer, onDone }: Props) {
  const { t } = useI18n();
  const { showError } = useNotices();
  const status = phoneCallStatus(events, myId);
  const [busy, setBusy] = useState(false);
  /** Handing the caller to an outside service needs their consent, confirmed by the agent. */
  const [consent, setConsent] = useState(false);
  const consultKey = status.consulting ? `${status.consulting.agentId}${status.consulting.agentName}` : '';
  useEffect(() => setConsent(false), [consultKey]);
  const talking = status.phase === 'connected' || status.phase === 'on_hold';
  const elapsed = useElapsed(talking ? status.connectedAt : null);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
      onDone();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="softphone" aria-labelledby={`phone-${conversationId}`} data-testid="phone-controls" data-state={status.phase}>
      <div className="softphone-head">
        <h3 id={`phone-${conversationId}`}>{t('phone.title')}</h3>
        <p className="softphone-status" role="status" data-testid="phone-status" data-state={status.phase}>
          {t(PHASE_TEXT[status.phase])}
        </p>
        {talking && (
          <p className="softphone-timer" data-testid="phone-timer" aria-label={t('phone.timer')}>
            <time>{mmss(elapsed)}</time>
          </p>
        )}
      </div>
      {talking && status.consulting && (
        <div className="button-row" data-testid="phone-consult">
          <p className="softphone-status" data-testid="phone-consulting">
            {t('phone.consulting', { name: status.consulting.agentName })}
          </p>
          {status.consulting.outside && (
            <label className="checkbox">
              <input type="checkbox" data-testid="phone-consult-consent" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
              {t('phone.consultConsent')}
            </label>
          )}
          <button
            type="button"
            className="button-primary"
            data-testid="phone-consult-complete"
            disabled={busy || (status.consulting.outside && !consent)}
            onClick={() => void run(() => conversationApi.phoneConsultComplete(conversationId, status.consulting?.outside ? consent : undefined))}
          >
            {t('phone.consultComplete')}
          </button>
          <button type="button" data-testid="phone-consult-cancel" disabled={busy} onClick={() => void run(() => conversationApi.phoneConsultCancel(conversationId))}>
            {t('phone.consultCancel')}
          </button>
          <button type="button" className="button-danger" data-testid="phone-hangup" disabled={busy} onClick={() => void run(() => conversationApi.phoneHangUp(conversationId))}>
            {t('phone.hangup')}
          </button>
        </div>
      )}
      {talking && !status.consulting && (
        <>
          <div className="button-row">
            <button
              type="button"
              data-testid="phone-hold"
              aria-pressed={status.phase === 'on_hold'}
              disabled={busy}
              onClick={() => void run(() => (status.phase === 'on_hold' ? conversationApi.phoneResume(conversationId) : conversationApi.phoneHold(conversationId)))}
            >
              {status.phase === 'on_hold' ? t('phone.resume') : t('phone.hold')}
            </button>
            <button type="button" data-testid="phone-transfer" disabled={busy} onClick={onTransfer}>
              {t('phone.transfer')}
            </button>
            <button type="button" className="button-danger" data-testid="phone-hangup" disabled={busy} onClick={() => void run(() => conversationApi.phoneHangUp(conversationId))}>
              {t('phone.hangup')}
            </button>
          </div>
          <p className="muted small">{t('phone.muteHint')}</p>
        </>
      )}
    </section>
  );
}
