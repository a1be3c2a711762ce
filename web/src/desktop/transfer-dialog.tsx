import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Colleague, PhoneTransferTarget, Queue } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useFocusTrap } from '../shell/use-focus-trap.js';

interface Props {
  queues: Queue[];
  /** null: the server has no colleague list, so only queues are offered. */
  colleagues: Colleague[] | null;
  myId: string;
  onTransfer: (target: PhoneTransferTarget, note: string) => Promise<boolean>;
  /** A call on a phone line: it may also go to an outside number (a blind transfer). */
  allowNumber?: boolean;
  /** Calls only: consult the colleague first (warm transfer); absent for chats. */
  onConsult?: (toAgentId: string, note: string) => void;
  /** Phone-line calls from a line with its own number: consult an outside number first (warm transfer). */
  onConsultNumber?: (toNumber: string, note: string) => void;
  onClose: () => void;
}

export function TransferDialog({ queues, colleagues, myId, onTransfer, allowNumber = false, onConsult, onConsultNumber, onClose }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'queue' | 'agent' | 'number'>('queue');
  const [number, setNumber] = useState('');
  const [queueId, setQueueId] = useState(queues[0]?.id ?? '');
  const others = (colleagues ?? []).filter((c) => c.id !== myId);
  const [agentId, setAgentId] = useState(others[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [warm, setWarm] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement & HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog);
  useEffect(() => {
    first.current?.focus();
  }, [kind]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (warm && kind === 'agent' && onConsult) {
      onConsult(agentId, note.trim());
      onClose();
      return;
    }
    if (warm && kind === 'number' && onConsultNumber) {
      onConsultNumber(number.replace(/[\s.()-]/g, ''), note.trim());
      onClose();
      return;
    }
    setBusy(true);
    const target: PhoneTransferTarget = kind === 'queue' ? { toQueueId: queueId } : kind === 'agent' ? { toAgentId: agentId } : { toNumber: number.replace(/[\s.()-]/g, '') };
    const ok = await onTransfer(target, note.trim());
    setBusy(false);
    if (ok) onClose();
  }

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="transfer-title"
        data-testid="transfer-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <form onSubmit={(e) => void submit(e)}>
          <h2 id="transfer-title">{t('transfer.title')}</h2>
          {(colleagues || allowNumber) && (
            <fieldset className="radio-row">
              <legend>{t('transfer.to')}</legend>
              <label>
                <input type="radio" name="transfer-kind" data-testid="transfer-kind-queue" checked={kind === 'queue'} onChange={() => setKind('queue')} />
                {t('transfer.queue')}
              </label>
              {colleagues && (
                <label>
                  <input type="radio" name="transfer-kind" data-testid="transfer-kind-agent" checked={kind === 'agent'} onChange={() => setKind('agent')} />
                  {t('transfer.colleague')}
                </label>
              )}
              {allowNumber && (
                <label>
                  <input type="radio" name="transfer-kind" data-testid="transfer-kind-number" checked={kind === 'number'} onChange={() => setKind('number')} />
                  {t('transfer.number')}
                </label>
              )}
            </fieldset>
          )}
          {kind === 'queue' ? (
            <label className="block">
              {t('transfer.queue')}
              <select ref={first} data-testid="transfer-queue" value={queueId} onChange={(e) => setQueueId(e.target.value)} required>
                {queues.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.name}
                  </option>
                ))}
              </select>
            </label>
          ) : kind === 'number' ? (
            <label className="block">
              {t('transfer.number')}
              <input
                ref={first}
                type="tel"
                data-testid="transfer-number"
                value={number}
                onChange={(e) => setNumber(e.target.value)}
                pattern="\+[1-9][0-9 ]{6,20}"
                aria-describedby="transfer-number-hint"
                autoComplete="off"
                required
              />
              <span id="transfer-number-hint" className="muted small">
                {t('transfer.numberHint')}
              </span>
            </label>
          ) : (
            <label className="block">
              {t('transfer.colleague')}
              <select ref={first} data-testid="transfer-agent" value={agentId} onChange={(e) => setAgentId(e.target.value)} required>
                {others.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({t(`status.${c.status}`)})
                  </option>
                ))}
              </select>
            </label>
          )}
          {((onConsult && kind === 'agent') || (onConsultNumber && kind === 'number')) && (
            <fieldset className="radio-row">
              <legend>{t('transfer.mode')}</legend>
              <label>
                <input type="radio" name="transfer-mode" data-testid="transfer-mode-blind" checked={!warm} onChange={() => setWarm(false)} />
                {t('transfer.blind')}
              </label>
              <label>
                <input type="radio" name="transfer-mode" data-testid="transfer-mode-warm" checked={warm} onChange={() => setWarm(true)} />
                {t('transfer.warm')}
              </label>
            </fieldset>
          )}
          {(kind !== 'number' || warm) && (
          <label className="block">
            {t('transfer.note')}
            <textarea data-testid="transfer-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          )}
          <div className="button-row">
            <button type="submit" className="button-primary" data-testid="transfer-submit" disabled={busy || (kind === 'queue' ? !queueId : kind === 'agent' ? !agentId : !number.trim())}>
              {t('transfer.submit')}
            </button>
            <button type="button" data-testid="transfer-cancel" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
