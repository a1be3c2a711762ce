import { useState, type FormEvent } from 'react';
import type { Line, Queue } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FormActions } from './form-actions.js';
import { describeError } from '../shell/error-message.js';
import { adminApi, type QueueInput } from './admin-api.js';
import { splitList } from './opening-hours-editor.js';

export function QueueForm({ queue, lines, queues, onSaved, onCancel }: { queue: Queue | null; lines: Line[]; queues: Queue[]; onSaved: (q: Queue) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<QueueInput>(() => {
    if (!queue) return { lineId: lines[0]?.id ?? '', name: '', skills: [], priority: 0, serviceLevelSeconds: 20, serviceLevelPercent: 80, overflow: null };
    const { id: _id, tenantId: _t, ...rest } = queue as Queue & { tenantId?: string };
    return rest;
  });
  const [skillsText, setSkillsText] = useState(draft.skills.join(', '));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof QueueInput>(key: K, value: QueueInput[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const num = (v: string) => (v === '' ? 0 : Number(v));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      onSaved(await adminApi.saveQueue({ ...draft, skills: splitList(skillsText) }, queue?.id ?? null));
    } catch (err) {
      setError(describeError(err, t));
    }
  }

  return (
    <form className="admin-form" data-testid="queue-form" onSubmit={(e) => void submit(e)}>
      <h2>{queue ? t('admin.editQueue', { name: queue.name }) : t('admin.newQueue')}</h2>
      <label className="block">
        {t('admin.line')}
        <select data-testid="queue-line" value={draft.lineId} onChange={(e) => set('lineId', e.target.value)} required>
          {lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        {t('admin.name')}
        <input data-testid="queue-name" required value={draft.name} onChange={(e) => set('name', e.target.value)} />
      </label>
      <label className="block">
        {t('admin.skills')}
        <input data-testid="queue-skills" value={skillsText} onChange={(e) => setSkillsText(e.target.value)} aria-describedby="queue-skills-hint" />
        <span id="queue-skills-hint" className="small muted">{t('admin.skillsHint')}</span>
      </label>
      <div className="field-row">
        <label>
          {t('admin.priority')}
          <input type="number" data-testid="queue-priority" value={draft.priority} onChange={(e) => set('priority', num(e.target.value))} />
        </label>
        <label>
          {t('admin.slSeconds')}
          <input type="number" min={1} data-testid="queue-sl-seconds" value={draft.serviceLevelSeconds} onChange={(e) => set('serviceLevelSeconds', num(e.target.value))} />
        </label>
        <label>
          {t('admin.slPercent')}
          <input type="number" min={1} max={100} data-testid="queue-sl-percent" value={draft.serviceLevelPercent} onChange={(e) => set('serviceLevelPercent', num(e.target.value))} />
        </label>
      </div>
      <fieldset>
        <legend>{t('admin.overflow')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="queue-overflow-on"
            checked={draft.overflow !== null}
            onChange={(e) => set('overflow', e.target.checked ? { afterSeconds: 60, toQueueId: queues.find((q) => q.id !== queue?.id)?.id ?? '' } : null)}
          />
          {t('admin.overflowOn')}
        </label>
        {draft.overflow && (
          <div className="field-row">
            <label>
              {t('admin.overflowAfter')}
              <input
                type="number"
                min={1}
                data-testid="queue-overflow-after"
                value={draft.overflow.afterSeconds}
                onChange={(e) => draft.overflow && set('overflow', { ...draft.overflow, afterSeconds: num(e.target.value) })}
              />
            </label>
            <label>
              {t('admin.overflowTo')}
              <select data-testid="queue-overflow-to" value={draft.overflow.toQueueId} onChange={(e) => draft.overflow && set('overflow', { ...draft.overflow, toQueueId: e.target.value })}>
                {queues
                  .filter((q) => q.id !== queue?.id)
                  .map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.name}
                    </option>
                  ))}
              </select>
            </label>
          </div>
        )}
      </fieldset>
      <FormActions error={error} saveTestId="queue-save" onCancel={onCancel} />
    </form>
  );
}
