import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SafetyActionKind, SafetyActionResult } from '../api/api-types.js';
import { safetyApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { useFocusTrap } from '../shell/use-focus-trap.js';
import { MAX_MINUTES, MIN_REASON, toSafetyAction } from './safety-form.js';

interface Props {
  conversationId: string;
  /** The conversation is over: warning and time-out no longer apply, flag and block still do. */
  ended: boolean;
  /** After a flag or a measure went through: e.g. read events that are not sent live. */
  onDone: () => void;
  onClose: () => void;
}

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string } | null;

const KINDS: readonly SafetyActionKind[] = ['warn', 'time_out', 'block'];

/**
 * "Markeren voor nazorg / review": the agent flags the conversation for Special Care (optionally
 * ending it) and can take a measure by hand: warn, time-out or block, within the line's policy.
 * API errors are shown in the dialog itself, so they are not hidden behind the backdrop.
 */
export function FlagDialog({ conversationId, ended, onDone, onClose }: Props) {
  const { t, time, dateTime } = useI18n();
  const dialog = useRef<HTMLDivElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  useFocusTrap(dialog);
  useEffect(() => reasonInput.current?.focus(), []);

  const [reason, setReason] = useState('');
  const [endConversation, setEndConversation] = useState(false);
  const [flagBusy, setFlagBusy] = useState(false);
  const [flagOutcome, setFlagOutcome] = useState<Outcome>(null);

  const [kind, setKind] = useState<SafetyActionKind>(ended ? 'block' : 'warn');
  const [minutes, setMinutes] = useState('');
  const [hours, setHours] = useState('24');
  const [actionReason, setActionReason] = useState('');
  const [actionBusy, setActionBusy] = useState(false);
  const [actionOutcome, setActionOutcome] = useState<Outcome>(null);
  const effectiveKind = ended ? 'block' : kind;

  async function flag(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setFlagOutcome({ kind: 'error', text: t('safety.invalidReason') });
      return;
    }
    setFlagBusy(true);
    setFlagOutcome(null);
    try {
      const result = await safetyApi.flag(conversationId, { reason: reason.trim(), endConversation });
      setFlagOutcome({ kind: 'ok', text: result.ended ? t('flag.doneEnded') : t('flag.done') });
      setReason('');
      onDone();
    } catch (error) {
      setFlagOutcome({ kind: 'error', text: describeError(error, t) });
    } finally {
      setFlagBusy(false);
    }
  }

  async function act(e: FormEvent) {
    e.preventDefault();
    const checked = toSafetyAction({ kind: effectiveKind, reason: actionReason, minutes, hours });
    if (!checked.ok) {
      setActionOutcome({ kind: 'error', text: t(checked.error) });
      return;
    }
    setActionBusy(true);
    setActionOutcome(null);
    try {
      const result = await safetyApi.action(conversationId, checked.input);
      setActionOutcome({ kind: 'ok', text: doneText(checked.input.kind, result) });
      setActionReason('');
      onDone();
    } catch (error) {
      setActionOutcome({ kind: 'error', text: describeError(error, t) });
    } finally {
      setActionBusy(false);
    }
  }

  function doneText(done: SafetyActionKind, result: SafetyActionResult): string {
    if (done === 'warn') return t('safety.doneWarn');
    if (done === 'time_out') return t('safety.doneTimeOut', { until: result.until ? time(result.until) : '—' });
    return result.until ? t('safety.doneBlock', { until: dateTime(result.until) }) : t('safety.doneBlockNoEnd');
  }

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="modal modal-wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="flag-title"
        data-testid="flag-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <form onSubmit={(e) => void flag(e)} aria-labelledby="flag-title">
          <h2 id="flag-title">{t('flag.title')}</h2>
          <p className="muted small">{t('flag.intro')}</p>
          <label className="block">
            {t('flag.reason')}
            <textarea
              ref={reasonInput}
              data-testid="flag-reason"
              rows={3}
              maxLength={2000}
              required
              minLength={MIN_REASON}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <label className="checkbox">
            <input type="checkbox" data-testid="flag-end" checked={endConversation} disabled={ended} onChange={(e) => setEndConversation(e.target.checked)} />
            {t('flag.end')}
          </label>
          <div className="button-row">
            <button type="submit" className="button-primary" data-testid="flag-submit" disabled={flagBusy || reason.trim().length < MIN_REASON}>
              {t('flag.submit')}
            </button>
          </div>
          <OutcomeLine outcome={flagOutcome} testId="flag" />
        </form>

        <form className="safety-form" onSubmit={(e) => void act(e)} aria-labelledby="safety-title" data-testid="safety-form">
          <h3 id="safety-title">{t('safety.title')}</h3>
          <fieldset className="radio-row">
            <legend>{t('safety.kind')}</legend>
            {KINDS.map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name="safety-kind"
                  value={k}
                  data-testid={`safety-kind-${k}`}
                  checked={effectiveKind === k}
                  disabled={ended && k !== 'block'}
                  onChange={() => setKind(k)}
                />
                {t(`safety.${k}`)}
              </label>
            ))}
          </fieldset>
          {ended && <p className="muted small">{t('safety.endedHint')}</p>}
          {effectiveKind === 'time_out' && (
            <label className="block">
              {t('safety.minutes')}
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_MINUTES}
                step={1}
                data-testid="safety-minutes"
                aria-describedby="safety-minutes-hint"
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
              <span id="safety-minutes-hint" className="muted small">
                {t('safety.defaultMinutes')}
              </span>
            </label>
          )}
          {effectiveKind === 'block' && (
            <label className="block">
              {t('safety.hours')}
              <input type="number" inputMode="decimal" min={1} step="any" required data-testid="safety-hours" value={hours} onChange={(e) => setHours(e.target.value)} />
            </label>
          )}
          <label className="block">
            {t('safety.reason')}
            <textarea data-testid="safety-reason" rows={2} maxLength={2000} required minLength={MIN_REASON} value={actionReason} onChange={(e) => setActionReason(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="submit" data-testid="safety-submit" disabled={actionBusy}>
              {t('safety.submit')}
            </button>
            <button type="button" data-testid="flag-cancel" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
          <OutcomeLine outcome={actionOutcome} testId="safety" />
        </form>
      </div>
    </div>
  );
}

function OutcomeLine({ outcome, testId }: { outcome: Outcome; testId: string }) {
  // Both regions are always rendered, so screen readers announce the text when it appears.
  return (
    <>
      <p className="form-ok" role="status" data-testid={outcome?.kind === 'ok' ? `${testId}-success` : undefined}>
        {outcome?.kind === 'ok' ? outcome.text : ''}
      </p>
      <p className="form-error" role="alert" data-testid={outcome?.kind === 'error' ? `${testId}-error` : undefined}>
        {outcome?.kind === 'error' ? outcome.text : ''}
      </p>
    </>
  );
}
