import { useEffect, useState } from 'react';
import { useRealtime } from '../realtime/realtime-context.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { campaignApi, CALL_RESULTS, type Campaign, type CampaignProgress, type ImportReport, type RowProblem } from './campaign-api.js';

/** Supervisors: a new campaign, its contact list (CSV), start or pause, and live progress. */
export function CampaignManager(props: { campaign: Campaign | null; lines: Array<{ id: string; name: string }>; onChanged: (selectId?: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [lineId, setLineId] = useState(props.lines[0]?.id ?? '');
  const [maxAttempts, setMaxAttempts] = useState(3);
  const [retryDelay, setRetryDelay] = useState(60);
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [progress, setProgress] = useState<CampaignProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(describeError(e, t));
  const campaign = props.campaign;
  const realtime = useRealtime();

  // Progress is pushed (`campaign.progress` frames to supervisors and admins); it is read once on open and again after a reconnect,
  // when frames may have been missed.
  useEffect(() => {
    setReport(null);
    setProblems([]);
    setProgress(null);
    if (!campaign) return;
    let pushed = false;
    const load = () =>
      void campaignApi.progress(campaign.id).then((p) => {
        if (!pushed) setProgress(p);
      }, () => undefined);
    load();
    const offFrame = realtime.onFrame((frame) => {
      if (frame.t !== 'campaign.progress' || frame.campaignId !== campaign.id) return;
      pushed = true;
      setProgress(frame.progress);
    });
    const offOpen = realtime.onOpen((reconnected) => {
      if (!reconnected) return;
      pushed = false;
      load();
    });
    return () => {
      offFrame();
      offOpen();
    };
  }, [campaign?.id, realtime]);

  return (
    <section className="campaign-card" aria-labelledby="campaign-manage-title" data-testid="campaign-manager">
      <h2 id="campaign-manage-title">{t('campaign.manage')}</h2>
      <form
        className="campaign-new"
        onSubmit={(e) => {
          e.preventDefault();
          void campaignApi.create({ lineId, name, maxAttempts, retryDelayMinutes: retryDelay }).then((c) => {
            setName('');
            props.onChanged(c.id);
          }, fail);
        }}
      >
        <label>
          {t('admin.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="campaign-name" />
        </label>
        <label>
          {t('admin.line')}
          <select value={lineId} onChange={(e) => setLineId(e.target.value)} data-testid="campaign-line">
            {props.lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('campaign.maxAttempts')}
          <input type="number" min={1} max={10} value={maxAttempts} onChange={(e) => setMaxAttempts(Number(e.target.value))} />
        </label>
        <label>
          {t('campaign.retryDelay')}
          <input type="number" min={1} value={retryDelay} onChange={(e) => setRetryDelay(Number(e.target.value))} />
        </label>
        <button type="submit" className="button-primary" data-testid="campaign-create">
          {t('campaign.create')}
        </button>
      </form>

      {campaign && (
        <>
          <h3>{campaign.name}</h3>
          <p data-testid="campaign-status">{t(`campaign.status.${campaign.status}` as MessageKey)}</p>
          <div className="button-row">
            {campaign.status !== 'running' ? (
              <button type="button" className="button-primary" data-testid="campaign-start" onClick={() => void campaignApi.start(campaign.id).then(() => props.onChanged(campaign.id), fail)}>
                {t('campaign.start')}
              </button>
            ) : (
              <button type="button" data-testid="campaign-pause" onClick={() => void campaignApi.pause(campaign.id).then(() => props.onChanged(campaign.id), fail)}>
                {t('campaign.pause')}
              </button>
            )}
          </div>
          <label htmlFor="campaign-csv">{t('campaign.csv')}</label>
          <textarea id="campaign-csv" rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={'naam;telefoon;referentie\nAn Peeters;0470 12 34 56;K-1'} data-testid="campaign-csv" />
          <div className="button-row">
            <button
              type="button"
              disabled={csv.trim() === ''}
              data-testid="campaign-import"
              onClick={() =>
                void campaignApi.importCsv(campaign.id, csv).then((r) => {
                  if (r.ok) {
                    setReport(r.report);
                    setProblems([]);
                    setCsv('');
                  } else {
                    setReport(null);
                    setProblems(r.problems);
                  }
                }, fail)
              }
            >
              {t('campaign.import')}
            </button>
          </div>
          {problems.length > 0 && (
            <div role="alert" className="form-error" data-testid="campaign-problems">
              <p>{t('campaign.problems', { count: problems.length })}</p>
              <table className="campaign-table">
                <thead>
                  <tr>
                    <th scope="col">{t('campaign.row')}</th>
                    <th scope="col">{t('campaign.column')}</th>
                    <th scope="col">{t('campaign.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={i}>
                      <td>{p.row}</td>
                      <td>{p.column}</td>
                      <td>{p.problem}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {report && (
            <p className="form-ok" role="status" data-testid="campaign-report">
              {t('campaign.imported', { count: report.imported, duplicates: report.duplicates.length, doNotCall: report.doNotCall.length, already: report.alreadyInCampaign.length })}
            </p>
          )}
          {progress && (
            <div data-testid="campaign-progress">
              <p>
                <progress max={100} value={progress.percentDone} aria-label={t('campaign.progress')} /> {t('campaign.progressLine', { percent: progress.percentDone, done: progress.done, total: progress.total, attempts: progress.attempts })}
              </p>
              <ul className="campaign-results">
                {CALL_RESULTS.filter((r) => progress.byResult[r]).map((r) => (
                  <li key={r}>
                    {t(`campaign.result.${r}` as MessageKey)}: {progress.byResult[r]}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
