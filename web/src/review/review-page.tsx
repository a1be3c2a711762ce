import { useCallback, useEffect, useState } from 'react';
import type { Incident } from '../api/api-types.js';
import { agentApi, safetyApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { incidentKindLabel, incidentStatusLabel, teamLabel } from '../i18n/safety-labels.js';
import { useNotices } from '../shell/notice-bar.js';
import { IncidentDetail } from './incident-detail.js';
import { evidenceSummary, filterFromSearch, filterToSearch, INCIDENT_STATUSES, INCIDENT_TEAMS, type ReviewFilter } from './review-format.js';

/**
 * The incident register for Security, Special Care and supervisors: filter on status and team,
 * open one to update its status and follow-up, and download the year as CSV.
 */
export function ReviewPage() {
  const { t, dateTime } = useI18n();
  const { showError } = useNotices();
  const [filter, setFilter] = useState<ReviewFilter>(() => filterFromSearch(window.location.search));
  const [incidents, setIncidents] = useState<Incident[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [lineNames, setLineNames] = useState<Map<string, string>>(new Map());
  const [agentNames, setAgentNames] = useState<Map<string, string>>(new Map());
  const year = new Date().getFullYear();

  const load = useCallback(
    (current: ReviewFilter) => {
      safetyApi.incidents(current).then((r) => setIncidents(r.incidents), (error: unknown) => {
        setIncidents([]);
        showError(error);
      });
    },
    [showError],
  );

  useEffect(() => {
    history.replaceState(null, '', `/review${filterToSearch(filter)}`);
    load(filter);
  }, [filter, load]);

  useEffect(() => {
    agentApi.lines().then((r) => setLineNames(new Map(r.lines.map((l) => [l.id, l.name]))), showError);
    // Names are a convenience: without the colleague list the agent id is shown.
    agentApi.colleagues().then((list) => setAgentNames(new Map((list ?? []).map((a) => [a.id, a.name]))), () => undefined);
  }, [showError]);

  const selected = incidents?.find((i) => i.id === selectedId) ?? null;
  const agentName = (id: string | null) => (id ? (agentNames.get(id) ?? id) : '—');

  return (
    <main className="review" data-testid="review">
      <div className="page-title">
        <h1>{t('review.title')}</h1>
        <a className="button-link" href={safetyApi.exportUrl(year)} download={`incidents-${year}.csv`} data-testid="incident-export">
          {t('review.export', { year })}
        </a>
      </div>
      <form className="review-filters" aria-label={t('review.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('review.filterStatus')}
          <select data-testid="review-filter-status" value={filter.status} onChange={(e) => setFilter((f) => ({ ...f, status: e.target.value as ReviewFilter['status'] }))}>
            <option value="">{t('review.all')}</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {incidentStatusLabel(s, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('review.filterTeam')}
          <select data-testid="review-filter-team" value={filter.escalatedTo} onChange={(e) => setFilter((f) => ({ ...f, escalatedTo: e.target.value as ReviewFilter['escalatedTo'] }))}>
            <option value="">{t('review.all')}</option>
            {INCIDENT_TEAMS.map((team) => (
              <option key={team} value={team}>
                {teamLabel(team, t)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="review-reload" onClick={() => load(filter)}>
          {t('review.reload')}
        </button>
      </form>
      <div className="review-body">
        <section className="review-list" aria-labelledby="review-list-title">
          <h2 id="review-list-title" className="visually-hidden">
            {t('review.title')}
          </h2>
          {incidents === null ? (
            <p role="status">{t('common.loading')}</p>
          ) : incidents.length === 0 ? (
            <p className="muted" data-testid="review-empty">
              {t('review.empty')}
            </p>
          ) : (
            <table className="data-table review-table">
              <thead>
                <tr>
                  <th scope="col">{t('review.kind')}</th>
                  <th scope="col">{t('review.line')}</th>
                  <th scope="col">{t('review.when')}</th>
                  <th scope="col">{t('review.agent')}</th>
                  <th scope="col">{t('review.status')}</th>
                  <th scope="col">{t('review.escalatedTo')}</th>
                  <th scope="col">{t('review.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {incidents.map((incident) => {
                  const kind = incidentKindLabel(incident.kind, t);
                  const when = dateTime(incident.createdAt);
                  const current = incident.id === selectedId;
                  return (
                    <tr
                      key={incident.id}
                      data-testid="incident-row"
                      data-incident-id={incident.id}
                      data-kind={incident.kind}
                      data-status={incident.status}
                      className={current ? 'selected' : undefined}
                      onClick={() => setSelectedId(incident.id)}
                    >
                      <td>
                        <button type="button" className="link-button" aria-pressed={current} aria-label={t('review.show', { kind, when })} onClick={() => setSelectedId(incident.id)}>
                          {kind}
                        </button>
                      </td>
                      <td>{lineNames.get(incident.lineId) ?? incident.lineId}</td>
                      <td>
                        <time dateTime={incident.createdAt}>{when}</time>
                      </td>
                      <td>{agentName(incident.agentId)}</td>
                      <td>
                        <span className={`tag tag-status-${incident.status}`}>{incidentStatusLabel(incident.status, t)}</span>
                      </td>
                      <td>{incident.escalatedTo ? teamLabel(incident.escalatedTo, t) : '—'}</td>
                      <td className="evidence-cell">{evidenceSummary(incident, t)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
        {selected ? (
          <IncidentDetail
            key={selected.id}
            incident={selected}
            lineName={lineNames.get(selected.lineId) ?? selected.lineId}
            agentName={agentName(selected.agentId)}
            onSaved={(updated) => setIncidents((list) => (list ?? []).map((i) => (i.id === updated.id ? updated : i)))}
            onClose={() => setSelectedId(null)}
          />
        ) : (
          incidents !== null &&
          incidents.length > 0 && (
            <p className="muted review-hint" data-testid="incident-none-selected">
              {t('review.select')}
            </p>
          )
        )}
      </div>
    </main>
  );
}
