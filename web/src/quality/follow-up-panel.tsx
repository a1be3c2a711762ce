import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useNotices } from '../shell/notice-bar.js';
import { followUpApi, type FollowUp, type FollowUpStatus } from './quality-api.js';

/** The complaints to call back: pick one up, keep notes, finish it with the outcome of the call. */
export function FollowUpPanel() {
  const { t } = useI18n();
  const { showError } = useNotices();
  const [filter, setFilter] = useState<'active' | 'done'>('active');
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    followUpApi.list(filter === 'done' ? 'done' : undefined).then((r) => setItems(r.followUps), showError);
  }, [filter, showError]);
  useEffect(load, [load]);

  const change = async (item: FollowUp, patch: { status?: FollowUpStatus; notes?: string; outcome?: string | null }) => {
    setNotice(null);
    try {
      const updated = await followUpApi.update(item.id, { version: item.version, ...patch });
      // A finished one leaves the open list (and a reopened one the done list).
      const stays = (filter === 'done') === (updated.status === 'done');
      setItems((list) => (stays ? list?.map((x) => (x.id === updated.id ? updated : x)) : list?.filter((x) => x.id !== updated.id)) ?? list);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CHANGED_MEANWHILE') {
        setNotice(t('quality.version'));
        load();
      } else if (error instanceof ApiError && error.code === 'FOLLOW_UP_OUTCOME_REQUIRED') {
        setNotice(t('followUp.outcomeRequired'));
      } else showError(error);
    }
  };

  return (
    <div className="follow-up" data-testid="follow-up">
      <label className="inline-field">
        {t('followUp.filter')}{' '}
        <select data-testid="follow-up-filter" value={filter} onChange={(e) => setFilter(e.target.value as 'active' | 'done')}>
          <option value="active">{t('followUp.filter.active')}</option>
          <option value="done">{t('followUp.filter.done')}</option>
        </select>
      </label>
      <p role="status" className="quality-notice">
        {notice}
      </p>
      {items === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted" data-testid="follow-up-empty">
          {t('followUp.none')}
        </p>
      ) : (
        <ul className="card-list">
          {items.map((item) => (
            <FollowUpCard key={`${item.id}:${item.version}`} item={item} onChange={(patch) => void change(item, patch)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function FollowUpCard({ item, onChange }: { item: FollowUp; onChange: (patch: { status?: FollowUpStatus; notes?: string; outcome?: string | null }) => void }) {
  const { t, dateTime } = useI18n();
  const [notes, setNotes] = useState(item.notes);
  const [outcome, setOutcome] = useState(item.outcome ?? '');
  const id = `fu-${item.id}`;
  return (
    <li className="card" data-testid="follow-up-item" data-follow-up-id={item.id} data-status={item.status} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {t('followUp.heading', { line: item.lineName, when: dateTime(item.createdAt) })}{' '}
        <span className={`badge badge-${item.status}`} data-testid="follow-up-status">
          {t(`followUp.status.${item.status}`)}
        </span>
      </h3>
      <p className="item-sub">
        {t(`followUp.source.${item.source}`)}
        {item.nps !== null && <> · {t('followUp.nps', { score: item.nps })}</>}
        {item.agentName && <> · {t('followUp.agent', { name: item.agentName })}</>}
        {item.assignee && <> · {t('followUp.assignee', { name: item.assignee.name })}</>}
      </p>
      {item.comment && <blockquote data-testid="follow-up-comment">{item.comment}</blockquote>}
      <p>
        <strong>{t('followUp.contact')}:</strong> {item.contact?.displayName ?? item.contact?.pseudonym ?? '—'}{' '}
        <span data-testid="follow-up-contact">{item.contact?.identifier ?? t('followUp.noIdentifier')}</span>
      </p>
      {item.status === 'open' && (
        <button type="button" className="button-primary" data-testid="follow-up-pick-up" onClick={() => onChange({ status: 'in_progress' })}>
          {t('followUp.pickUp')}
        </button>
      )}
      {item.status === 'in_progress' && (
        <div className="follow-up-work">
          <label>
            {t('followUp.notes')}
            <textarea data-testid="follow-up-notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </label>
          <label>
            {t('followUp.outcome')}
            <input data-testid="follow-up-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="button" data-testid="follow-up-save" onClick={() => onChange({ notes })}>
              {t('followUp.saveNotes')}
            </button>
            <button type="button" className="button-primary" data-testid="follow-up-finish" onClick={() => onChange({ status: 'done', notes, outcome })}>
              {t('followUp.finish')}
            </button>
            <button type="button" data-testid="follow-up-release" onClick={() => onChange({ status: 'open', notes })}>
              {t('followUp.release')}
            </button>
          </div>
        </div>
      )}
      {item.status === 'done' && (
        <>
          {item.notes && <p className="pre-wrap">{item.notes}</p>}
          <p data-testid="follow-up-outcome-text">
            <strong>{t('followUp.outcome')}:</strong> {item.outcome}
          </p>
          <button type="button" data-testid="follow-up-reopen" onClick={() => onChange({ status: 'in_progress' })}>
            {t('followUp.reopen')}
          </button>
        </>
      )}
    </li>
  );
}
