import { useState } from 'react';
import type { WireEvent } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { callStatus, type SoftphonePhase } from './call-status.js';
import type { DesktopActions } from './use-desktop.js';
import { mmss, useElapsed } from './call-timer.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const PHASE_TEXT: Record<SoftphonePhase, MessageKey> = {
  connecting: 'softphone.connecting',
  ringing: 'softphone.ringing',
  connected: 'softphone.connected',
  on_hold: 'softphone.onHold',
  transferred: 'softphone.transferred',
  ended: 'softphone.ended',
};

interface Props {
  conversationId: string;
  myId: string;
  events: readonly WireEvent[];
  actions: DesktopActions;
  /** Keys the customer pressed during the call (live only). */
  customerKeys: string | undefined;
  micProblem: boolean;
  onTransfer: () => void;
}

/** The call controls of a voice conversation: answer, hold, mute, keypad, transfer, hang-up and the call timer. */
export function Softphone({ conversationId, myId, events, actions, customerKeys, micProblem, onTransfer }: Props) {
  const { t } = useI18n();
  const status = callStatus(events, myId);
  const [keypadOpen, setKeypadOpen] = useState(false);
  const elapsed = useElapsed(status.phase === 'connected' || status.phase === 'on_hold' ? status.answeredAt : null);
  const talking = status.phase === 'connected' || status.phase === 'on_hold';
  const send = actions.callControl;

  return (
    <section className="softphone" aria-labelledby={`softphone-${conversationId}`} data-testid="softphone" data-state={status.phase}>
      <div className="softphone-head">
        <h3 id={`softphone-${conversationId}`}>{t('softphone.title')}</h3>
        <p className="softphone-status" role="status" data-testid="softphone-status" data-state={status.phase}>
          {t(PHASE_TEXT[status.phase])}
        </p>
        {talking && (
          <p className="softphone-timer" data-testid="softphone-timer" aria-label={t('softphone.timer')}>
            <time>{mmss(elapsed)}</time>
          </p>
        )}
      </div>
      {micProblem && (
        <p className="form-error" role="alert">
          {t('softphone.noMicrophone')}
        </p>
      )}
      {status.consulting && (
        <div className="softphone-consult" data-testid="softphone-consulting">
          <p>{t('softphone.consulting', { name: status.consulting.agentName })}</p>
          <div className="button-row">
            <button type="button" className="button-primary" data-testid="softphone-transfer-complete" onClick={() => send({ t: 'call.transfer', conversationId, step: 'complete' })}>
              {t('softphone.complete')}
            </button>
            <button type="button" data-testid="softphone-transfer-cancel" onClick={() => send({ t: 'call.transfer', conversationId, step: 'cancel' })}>
              {t('softphone.cancelConsult')}
            </button>
          </div>
        </div>
      )}
      {customerKeys && talking && (
        <p className="muted small" data-testid="softphone-customer-keys">
          {t('softphone.customerKeys', { digits: customerKeys })}
        </p>
      )}
      <div className="button-row">
        {status.phase === 'ringing' && (
          <button type="button" className="button-primary" data-testid="softphone-answer" onClick={() => send({ t: 'call.answered', conversationId })}>
            {t('softphone.answer')}
          </button>
        )}
        {talking && (
          <>
            <button type="button" data-testid="softphone-hold" aria-pressed={status.phase === 'on_hold'} onClick={() => send({ t: status.phase === 'on_hold' ? 'call.unhold' : 'call.hold', conversationId })}>
              {status.phase === 'on_hold' ? t('softphone.unhold') : t('softphone.hold')}
            </button>
            <button type="button" data-testid="softphone-mute" aria-pressed={status.muted} onClick={() => send({ t: 'call.mute', conversationId, muted: !status.muted })}>
              {t('softphone.mute')}
            </button>
            <button type="button" data-testid="softphone-keypad-toggle" aria-expanded={keypadOpen} aria-controls={`keypad-${conversationId}`} onClick={() => setKeypadOpen((o) => !o)}>
              {t('softphone.keypad')}
            </button>
            <button type="button" data-testid="softphone-transfer" onClick={onTransfer} disabled={Boolean(status.consulting)}>
              {t('softphone.transfer')}
            </button>
            <button type="button" className="button-danger" data-testid="softphone-hangup" onClick={() => send({ t: 'call.hangup', conversationId })}>
              {t('softphone.hangup')}
            </button>
          </>
        )}
      </div>
      {talking && keypadOpen && (
        <div className="softphone-keypad" id={`keypad-${conversationId}`} role="group" aria-label={t('softphone.keypad')} data-testid="softphone-keypad">
          {KEYS.map((key) => (
            <button key={key} type="button" data-testid={`softphone-key-${key === '*' ? 'star' : key === '#' ? 'hash' : key}`} onClick={() => send({ t: 'call.dtmf', conversationId, digits: key })}>
              {key}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
