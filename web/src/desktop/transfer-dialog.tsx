import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Colleague, Queue } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useFocusTrap } from '../shell/use-focus-trap.js';

interface Props {
  queues: Queue[];
  /** null: the server has no colleague list, so only queues are offered. */
  colleagues: Colleague[] | null;
  myId: string;
  onTransfer: (target: { toQueueId: string } | { toAgentId: string }, note: string) => Promise<boolean>;
  /** Calls only: consult the colleague first (warm transfer); absent for chats. */
  onConsult?: (toAgentId: string, note: string) => void;
  onClose: () => void;
}

export function TransferDialog({ queues, colleagues, myId, onTransfer, onConsult, onClose }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'queue' | 'agent'>('queue');
  const [queueId, setQueueId] = useState(queues[0]?.id ?? '');
  const others = (colleagues ?? []).filter((c) => c.id !== myId);
  const [agentId, setAgentId] = useState(others[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [warm, setWarm] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
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
    setBusy(true);
    const ok = await onTransfer(kind === 'queue' ? { toQueueId: queueId } : { toAgentId: agentId }, note.trim());
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
          {colleagues && (
            <fieldset className="radio-row">
              <legend>{t('transfer.to')}</legend>
              <label>
                <input type="radio" name="transfer-kind" data-testid="transfer-kind-queue" checked={kind === 'queue'} onChange={() => setKind('queue')} />
                {t('transfer.queue')}
              </label>
              <label>
                <input type="radio" name="transfer-kind" data-testid="transfer-kind-agent" checked={kind === 'agent'} onChange={() => setKind('agent')} />
                {t('transfer.colleague')}
              </label>
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
          {onConsult && kind === 'agent' && (
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
          <label className="block">
            {t('transfer.note')}
            <textarea data-testid="transfer-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="submit" className="button-primary" data-testid="transfer-submit" disabled={busy || (kind === 'queue' ? !queueId : !agentId)}>
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
