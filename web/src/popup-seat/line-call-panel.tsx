import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { popupSeatApi, type LineCall } from './popup-seat-api.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const POLL_MS = 1500;

/** Call a line of the tenant as a customer: what the IVR says, a keypad, the place in the queue, the agent. */
export function LineCallPanel() {
  const { t } = useI18n();
  const [lines, setLines] = useState<Array<{ id: string; name: string }>>([]);
  const [lineId, setLineId] = useState('');
  const [call, setCall] = useState<LineCall | null>(null);
  const [heard, setHeard] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    popupSeatApi.lines().then(
      (r) => {
        setLines(r.lines);
        setLineId(r.lines[0]?.id ?? '');
      },
      (e: unknown) => setError(describeError(e, t)),
    );
  }, []);

  const show = (next: LineCall) => {
    setCall(next);
    if (next.said.length > 0) setHeard((before) => [...before, ...next.said].slice(-12));
  };
  const run = (work: Promise<LineCall>) => work.then(show, (e: unknown) => setError(describeError(e, t)));

  // While waiting in the queue: the place and expected wait, until an agent answers.
  useEffect(() => {
    if (!call || call.connectedTo || call.ended || !call.inQueue) return;
    const timer = setInterval(() => {
      void popupSeatApi.lineCall(call.callId).then((next) => {
        if (next.connectedTo || next.said.join() !== call.said.join()) show({ ...next, inQueue: !next.connectedTo });
      }, () => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [call]);

  const active = call !== null && !call.ended;
  return (
    <section className="popup-card" aria-labelledby="line-call-title" data-testid="line-call">
      <h2 id="line-call-title">{t('popup.lineCall')}</h2>
      <p className="muted">{t('popup.lineCallHelp')}</p>
      <div className="button-row">
        <label htmlFor="popup-line">{t('admin.line')}</label>
        <select id="popup-line" value={lineId} disabled={active} onChange={(e) => setLineId(e.target.value)} data-testid="popup-line">
          {lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        {!active ? (
          <button type="button" className="button-primary" disabled={!lineId} data-testid="popup-call-line" onClick={() => {
            setHeard([]);
            void run(popupSeatApi.callLine(lineId));
          }}>
            {t('popup.call')}
          </button>
        ) : (
          <button type="button" data-testid="popup-hang-up" onClick={() => {
            void popupSeatApi.hangUp(call.callId).then(() => setCall({ ...call, ended: true }), (e: unknown) => setError(describeError(e, t)));
          }}>
            {t('popup.hangUp')}
          </button>
        )}
      </div>
      {heard.length > 0 && (
        <ol className="popup-heard" aria-label={t('popup.heard')} data-testid="popup-heard">
          {heard.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ol>
      )}
      {active && call.waitingForKeys && (
        <div className="keypad" role="group" aria-label={t('popup.keypad')}>
          {KEYS.map((key) => (
            <button key={key} type="button" data-testid={`popup-key-${key}`} onClick={() => void run(popupSeatApi.keys(call.callId, key))}>
              {key}
            </button>
          ))}
        </div>
      )}
      <p role="status" className="popup-status" data-testid="popup-line-status">
        {!call ? '' : call.ended ? t('popup.ended') : call.connectedTo ? t('popup.connected', { name: call.connectedTo.name }) : call.inQueue ? t('popup.waiting') : ''}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
