import { useState } from 'react';
import type { Queue } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Checkboxes for the queues an agent works; saved together. */
export function QueueMembership({ agentName, queues, selected, onSave, onCancel }: { agentName: string; queues: Queue[]; selected: string[]; onSave: (ids: string[]) => Promise<void>; onCancel: () => void }) {
  const { t } = useI18n();
  const [ids, setIds] = useState(selected);
  const [busy, setBusy] = useState(false);
  return (
    <fieldset className="queue-membership" data-testid="agent-queues-form">
      <legend className="visually-hidden">{t('supervisor.queuesOf', { name: agentName })}</legend>
      {queues.map((q) => (
        <label key={q.id} className="checkbox">
          <input
            type="checkbox"
            data-testid={`agent-queue-${q.id}`}
            checked={ids.includes(q.id)}
            onChange={(e) => setIds((cur) => (e.target.checked ? [...cur, q.id] : cur.filter((x) => x !== q.id)))}
          />
          {q.name}
        </label>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          data-testid="agent-queues-save"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onSave(ids).finally(() => setBusy(false));
          }}
        >
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
