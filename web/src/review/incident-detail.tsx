import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Incident, IncidentStatus } from '../api/api-types.js';
import { safetyApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { incidentActionLabel, incidentKindLabel, incidentStatusLabel, teamLabel } from '../i18n/safety-labels.js';
import { describeError } from '../shell/error-message.js';
import { evidenceSummary, followUpFormOf, incidentChange, INCIDENT_STATUSES, type FollowUpForm } from './review-format.js';

interface Props {
  incident: Incident;
  lineName: string;
  agentName: string;
  onSaved: (incident: Incident) => void;
  onClose: () => void;
}

const FOLLOW_UPS = ['agentCare', 'customerContacted', 'policeReport'] as const;

/** One incident: what happened, the steps taken, and the form to change status and follow-up. */
export function IncidentDetail({ incident, lineName, agentName, onSaved, onClose }: Props) {
  const { t, dateTime } = useI18n();
  const [form, setForm] = useState<FollowUpForm>(() => followUpFormOf(incident));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const change = incidentChange(incident, form);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!change) return;
    setBusy(true);
    setOutcome(null);
    try {
      const updated = await safetyApi.updateIncident(incident.id, change);
      onSaved(updated);
      setForm(followUpFormOf(updated));
      setOutcome({ ok: true, text: t('review.saved') });
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="incident-detail" aria-labelledby="incident-title" data-testid="incident-detail" data-incident-id={incident.id}>
      <div className="incident-detail-head">
        <h2 id="incident-title" ref={heading} tabIndex={-1}>
          {t('review.detailTitle', { kind: incidentKindLabel(incident.kind, t) })}
        </h2>
        <button type="button" data-testid="incident-close" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <dl className="incident-facts">
        <dt>{t('review.line')}</dt>
        <dd>{lineName}</dd>
        <dt>{t('review.when')}</dt>
        <dd>
          <time dateTime={incident.createdAt}>{dateTime(incident.createdAt)}</time>
        </dd>
        <dt>{t('review.agent')}</dt>
        <dd>{agentName}</dd>
        <dt>{t('review.escalatedTo')}</dt>
        <dd>{incident.escalatedTo ? teamLabel(incident.escalatedTo, t) : '—'}</dd>
        {incident.conversationId && (
          <>
            <dt>{t('review.conversation')}</dt>
            <dd>
              <code>{incident.conversationId}</code>
            </dd>
          </>
        )}
        <dt>{t('review.evidence')}</dt>
        <dd data-testid="incident-evidence">{evidenceSummary(incident, t)}</dd>
      </dl>
      {incident.evidence.detector && incident.evidence.detector.terms.length > 0 && (
        <ul className="chips" aria-label={t('review.evidence')}>
          {incident.evidence.detector.terms.map((term) => (
            <li key={`${term.ruleId}-${term.term}`} className="tag">
              {term.term}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('review.steps')}</h3>
      {incident.actions.length === 0 ? (
        <p className="muted small">{t('review.none')}</p>
      ) : (
        <ol className="incident-steps small">
          {incident.actions.map((a, i) => (
            <li key={`${a.at}-${i}`}>
              <time dateTime={a.at}>{dateTime(a.at)}</time> · {incidentActionLabel(a.kind, t)}
              {a.kind === 'escalate' && typeof a.detail?.target === 'string' ? ` → ${teamLabel(a.detail.target, t)}` : ''}
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={(e) => void save(e)}>
        <label className="block">
          {t('review.status')}
          <select data-testid="incident-status-select" value={form.status} onChange={(e) => setForm((f) => ({ ...f, status: e.target.value as IncidentStatus }))}>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {incidentStatusLabel(s, t)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="follow-up">
          <legend>{t('review.followUp')}</legend>
          {FOLLOW_UPS.map((key) => (
            <label key={key} className="checkbox">
              <input type="checkbox" data-testid={`incident-followup-${key}`} checked={form[key]} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.checked }))} />
              {t(`review.${key}`)}
            </label>
          ))}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button-primary" data-testid="incident-save" disabled={busy || !change}>
            {t('common.save')}
          </button>
        </div>
        <p className="form-ok" role="status" data-testid={outcome?.ok ? 'incident-saved' : undefined}>
          {outcome?.ok ? outcome.text : ''}
        </p>
        <p className="form-error" role="alert" data-testid={outcome && !outcome.ok ? 'incident-error' : undefined}>
          {outcome && !outcome.ok ? outcome.text : ''}
        </p>
      </form>
    </section>
  );
}
