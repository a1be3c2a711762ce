import { useEffect, useState } from 'react';
import type { MessageKey } from '../i18n/dictionaries.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { popupSeatApi, type ThankYouAgent, type ThankYouCall } from './popup-seat-api.js';

const POLL_MS = 1500;
const LIST_POLL_MS = 3000;

/** The thank-you list: call an agent directly, follow the call, leave a thank-you the agent may share. */
export function ThankYouPanel() {
  const { t } = useI18n();
  const [agents, setAgents] = useState<ThankYouAgent[]>([]);
  const [call, setCall] = useState<ThankYouCall | null>(null);
  const [note, setNote] = useState('');
  const [noteSent, setNoteSent] = useState(false);
  const [reveal, setReveal] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(describeError(e, t));

  const load = () => popupSeatApi.thankYouList().then((r) => setAgents(r.agents), fail);
  useEffect(() => {
    void load();
    void popupSeatApi.settings().then((s) => setReveal(s.revealCallerBeforeAnswer), () => undefined);
    // Agents' statuses change all day: who can take a call now.
    const timer = setInterval(() => void popupSeatApi.thankYouList().then((r) => setAgents(r.agents), () => undefined), LIST_POLL_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!call || call.status === 'ended' || call.status === 'missed') return;
    const timer = setInterval(() => void popupSeatApi.thankYouCall(call.id).then((next) => next.status !== call.status && setCall(next), () => undefined), POLL_MS);
    return () => clearInterval(timer);
  }, [call]);

  const agentName = (id: string) => agents.find((a) => a.agentId === id)?.name ?? id;
  return (
    <section className="popup-card" aria-labelledby="thank-you-title" data-testid="thank-you">
      <h2 id="thank-you-title">{t('popup.thankYou')}</h2>
      <p className="muted">{t('popup.thankYouHelp')}</p>
      {reveal !== null && (
        <label className="checkbox">
          <input type="checkbox" checked={reveal} data-testid="popup-reveal" onChange={(e) => void popupSeatApi.saveSettings(e.target.checked).then((s) => setReveal(s.revealCallerBeforeAnswer), fail)} />
          {t('popup.reveal')}
        </label>
      )}
      <table className="popup-agents" data-testid="thank-you-list">
        <thead>
          <tr>
            <th scope="col">{t('popup.agent')}</th>
            <th scope="col">{t('popup.status')}</th>
            <th scope="col">{t('popup.callsToday')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('popup.call')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.agentId} data-testid="thank-you-agent" data-agent={a.agentId}>
              <td>{a.name}</td>
              <td>{t(`status.${a.status}` as MessageKey)}</td>
              <td>{a.callsToday}</td>
              <td>
                <button
                  type="button"
                  disabled={!a.canTakeCall || (call !== null && (call.status === 'ringing' || call.status === 'answered'))}
                  aria-label={t('popup.callAgent', { name: a.name })}
                  data-testid="thank-you-call"
                  onClick={() => {
                    setNote('');
                    setNoteSent(false);
                    void popupSeatApi.callAgent(a.agentId).then(setCall, fail);
                  }}
                >
                  {t('popup.call')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {call && (
        <div className="popup-call" data-testid="thank-you-call-panel">
          <p role="status" data-testid="thank-you-status">
            {t(`popup.callStatus.${call.status}` as MessageKey, { name: agentName(call.agentId) })}
          </p>
          {(call.status === 'ringing' || call.status === 'answered') && (
            <button type="button" data-testid="thank-you-end" onClick={() => void popupSeatApi.endThankYouCall(call.id).then((c) => {
              setCall(c);
              void load();
            }, fail)}>
              {t('popup.hangUp')}
            </button>
          )}
          {call.status === 'ended' && !noteSent && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void popupSeatApi.note(call.id, note).then(() => setNoteSent(true), fail);
              }}
            >
              <label htmlFor="thank-you-note">{t('popup.note', { name: agentName(call.agentId) })}</label>
              <textarea id="thank-you-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} data-testid="thank-you-note" />
              <button type="submit" className="button-primary" disabled={note.trim() === ''} data-testid="thank-you-send">
                {t('popup.sendNote')}
              </button>
            </form>
          )}
          {noteSent && <p className="form-ok">{t('popup.noteSent')}</p>}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
