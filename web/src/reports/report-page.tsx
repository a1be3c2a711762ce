import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LineReportResponse } from '../../../src/app/reports/line-report.types.js';
import { CHANNELS, type Line } from '../api/api-types.js';
import { agentApi } from '../api/endpoints.js';
import { api } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { incidentKindLabel } from '../i18n/safety-labels.js';
import { wrapUpLabel } from '../i18n/wrap-up-label.js';
import { useNotices } from '../shell/notice-bar.js';
import { ReportChart, type ChartSeries } from './report-chart.js';
import { duration, isoDate, percent, periodOf, reportQuery } from './report-format.js';
import './reports.css';

const CHANNEL_COLOURS = { chat: '#1d4ed8', voice: '#047857', email: '#b45309', whatsapp: '#7c3aed' } as const;
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/**
 * The report screen for supervisors, executives and admins: a line and a period, then the
 * figures with their counts (`GET /api/reports/lines/:id`), charts with a table each, and the
 * same report as CSV (`?format=csv`).
 */
export function ReportPage() {
  const { t, pick } = useI18n();
  const { showError } = useNotices();
  const [lines, setLines] = useState<Line[] | null>(null);
  const [lineId, setLineId] = useState('');
  const [fromDate, setFromDate] = useState(() => isoDate(new Date(Date.now() - 6 * 86_400_000)));
  const [toDate, setToDate] = useState(() => isoDate(new Date()));
  const [report, setReport] = useState<LineReportResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const period = periodOf(fromDate, toDate);

  useEffect(() => {
    agentApi.lines().then((r) => {
      setLines(r.lines);
      setLineId((current) => current || (r.lines[0]?.id ?? ''));
    }, showError);
  }, [showError]);

  const load = useCallback(
    (id: string, p: { from: number; to: number } | null) => {
      if (!id || !p) return;
      setLoading(true);
      api
        .get<LineReportResponse>(reportQuery(id, p))
        .then(setReport, showError)
        .finally(() => setLoading(false));
    },
    [showError],
  );
  // The first report shows as soon as the lines are known; later ones on "Show".
  const [first, setFirst] = useState(true);
  useEffect(() => {
    if (first && lineId) {
      setFirst(false);
      load(lineId, period);
    }
  }, [first, lineId, load, period]);

  const line = lines?.find((l) => l.id === report?.lineId) ?? null;
  return (
    <main className="reports" data-testid="reports">
      <div className="page-title">
        <h1>{t('report.title')}</h1>
        {report && period && lineId === report.lineId && (
          <a className="button-link" href={reportQuery(report.lineId, report.period, 'csv')} download data-testid="report-csv">
            {t('report.csv')}
          </a>
        )}
      </div>
      <form
        className="report-filters"
        aria-label={t('report.title')}
        onSubmit={(e) => {
          e.preventDefault();
          load(lineId, period);
        }}
      >
        <label>
          {t('report.line')}
          <select data-testid="report-line" value={lineId} onChange={(e) => setLineId(e.target.value)}>
            {(lines ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('report.from')}
          <input type="date" data-testid="report-from" value={fromDate} onChange={(e) => setFromDate(e.target.value)} />
        </label>
        <label>
          {t('report.to')}
          <input type="date" data-testid="report-to" value={toDate} onChange={(e) => setToDate(e.target.value)} />
        </label>
        <button type="submit" className="button-primary" data-testid="report-show" disabled={!period || !lineId || loading}>
          {t('report.show')}
        </button>
        {!period && (
          <p className="form-error" role="alert">
            {t('report.invalidPeriod')}
          </p>
        )}
      </form>
      {loading && <p role="status">{t('report.loading')}</p>}
      {!report && !loading && <p className="muted">{t('report.empty')}</p>}
      {report && <ReportBody report={report} line={line} pick={pick} />}
    </main>
  );
}

type I18n = ReturnType<typeof useI18n>;

function ReportBody({ report, line, pick }: { report: LineReportResponse; line: Line | null; pick: I18n['pick'] }) {
  const { t } = useI18n();
  const seconds = (value: number | null) => duration(value, { seconds: (v) => t('report.seconds', { value: v }), minutes: (m, s) => t('report.minutes', { minutes: m, seconds: s }) });
  const counts = (f: { numerator: number; denominator: number }) => t('report.counts', { numerator: f.numerator, denominator: f.denominator });
  const nps = report.surveys.netPromoterScore;
  const help = report.surveys.helpfulness;
  const topicLabel = (id: string) => pick(line?.taxonomy.find((x) => x.id === id)?.label) || id;
  const phaseLabel = (id: string) => pick(line?.phases.find((x) => x.id === id)?.label) || id;

  const volumeSeries = useMemo<ChartSeries[]>(
    () => CHANNELS.filter((c) => report.volume.byChannelAndHour[c].some((n) => n > 0)).map((c) => ({ label: t(`channel.${c}`), data: report.volume.byChannelAndHour[c], color: CHANNEL_COLOURS[c] })),
    [report, t],
  );
  const topicLabels = useMemo(() => report.topics.topics.map((x) => pick(line?.taxonomy.find((y) => y.id === x.topicId)?.label) || x.topicId), [report, line, pick]);
  const topicSeries = useMemo<ChartSeries[]>(() => [{ label: t('report.share'), data: report.topics.topics.map((x) => Math.round((x.value ?? 0) * 1000) / 10), color: '#1d4ed8' }], [report, t]);
  const phaseLabels = useMemo(() => report.phases.phases.map((p) => pick(line?.phases.find((y) => y.id === p.phaseId)?.label) || p.phaseId), [report, line, pick]);
  const phaseSeries = useMemo<ChartSeries[]>(() => [{ label: t('report.count'), data: report.phases.phases.map((p) => p.numerator), color: '#047857' }], [report, t]);

  const kpis: Array<{ id: string; label: string; value: string; sub?: string }> = [
    { id: 'contacts', label: t('report.contacts'), value: String(report.volume.total) },
    { id: 'service-level', label: t('report.serviceLevel'), value: percent(report.serviceLevel.value), sub: counts(report.serviceLevel) },
    { id: 'answer-rate', label: t('report.answerRate'), value: percent(report.answerRate.value), sub: counts(report.answerRate) },
    { id: 'abandon-rate', label: t('report.abandonRate'), value: percent(report.abandonRate.value), sub: counts(report.abandonRate) },
    { id: 'aht', label: t('report.aht'), value: seconds(report.averageHandleSeconds.value), sub: t('report.meanCounts', { count: report.averageHandleSeconds.denominator }) },
    { id: 'asa', label: t('report.asa'), value: seconds(report.averageSpeedOfAnswerSeconds.value), sub: t('report.meanCounts', { count: report.averageSpeedOfAnswerSeconds.denominator }) },
    {
      id: 'nps',
      label: t('report.nps'),
      value: nps.value === null ? '–' : String(nps.value),
      sub: t('report.npsCounts', { promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors, responses: nps.responses }),
    },
    { id: 'helpfulness', label: t('report.helpfulness'), value: help.value === null ? '–' : help.value.toFixed(1), sub: t('report.meanCounts', { count: help.denominator }) },
    { id: 'bot-resolved', label: t('report.botResolved'), value: percent(report.botResolved.value), sub: counts(report.botResolved) },
    { id: 'incidents', label: t('report.incidents'), value: String(report.incidents.total) },
  ];

  return (
    <div className="report-body" data-testid="report-body" data-line-id={report.lineId}>
      <dl className="report-kpis">
        {kpis.map((k) => (
          <div key={k.id} className="report-kpi">
            <dt>{k.label}</dt>
            <dd data-testid={`report-${k.id}`}>
              <span className="report-kpi-value">{k.value}</span>
              {k.sub && <span className="report-kpi-sub">{k.sub}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <div className="report-charts">
        <ReportChart title={t('report.volumeTitle')} labels={HOURS} series={volumeSeries} stacked testId="report-volume">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('report.hour')}</th>
                {CHANNELS.map((c) => (
                  <th scope="col" key={c} className="num">
                    {t(`channel.${c}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('report.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {HOURS.map((h, i) =>
                (report.volume.byHour[i]?.numerator ?? 0) === 0 ? null : (
                  <tr key={h}>
                    <th scope="row">{h}:00</th>
                    {CHANNELS.map((c) => (
                      <td key={c} className="num">
                        {report.volume.byChannelAndHour[c][i] ?? 0}
                      </td>
                    ))}
                    <td className="num">{report.volume.byHour[i]?.numerator ?? 0}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </ReportChart>
        <ReportChart title={t('report.topicsTitle')} labels={topicLabels} series={topicSeries} horizontal testId="report-topics">
          <ShareTable rows={report.topics.topics.map((x) => ({ key: x.topicId, label: topicLabel(x.topicId), figure: x }))} header={t('report.topic')} empty={t('report.noTopics')} />
          <p className="muted">{t('report.unregistered', { count: report.topics.unregistered })}</p>
        </ReportChart>
        <ReportChart title={t('report.phasesTitle')} labels={phaseLabels} series={phaseSeries} testId="report-phases">
          <ShareTable rows={report.phases.phases.map((p) => ({ key: p.phaseId, label: phaseLabel(p.phaseId), figure: p }))} header={t('report.phase')} empty="" />
        </ReportChart>
        <section className="panel" aria-labelledby="report-wrap-ups-title" data-testid="report-wrap-ups">
          <h2 id="report-wrap-ups-title">{t('report.wrapUpsTitle')}</h2>
          {/* The line's codes first, then campaign results ("Campagne: Bereikt"), as the report orders them. */}
          <ShareTable rows={report.wrapUps.codes.map((w) => ({ key: w.code, label: wrapUpLabel(w.code, line, t, pick), figure: w }))} header={t('report.wrapUp')} empty={t('report.noWrapUps')} />
          <p className="muted">{t('report.uncoded', { count: report.wrapUps.uncoded })}</p>
        </section>
      </div>
      <section className="panel report-topics-list" aria-labelledby="report-topic-shares">
        <h2 id="report-topic-shares">{t('report.topicsTitle')}</h2>
        {report.topics.topics.length === 0 ? (
          <p className="muted">{t('report.noTopics')}</p>
        ) : (
          <ul className="report-topic-shares">
            {report.topics.topics.map((x) => (
              <li key={x.topicId} data-testid="report-topic" data-topic-id={x.topicId}>
                {topicLabel(x.topicId)} {percent(x.value)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="report-tables">
        <section className="panel" aria-labelledby="report-agents-title">
          <h2 id="report-agents-title">{t('report.agentsTitle')}</h2>
          {report.hideAgentHandleTime && <p className="muted">{t('report.agentHidden')}</p>}
          <table className="data-table" data-testid="report-agents">
            <thead>
              <tr>
                <th scope="col">{t('report.agent')}</th>
                <th scope="col" className="num">
                  {t('report.aht')}
                </th>
                <th scope="col" className="num">
                  {t('report.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.agents.map((a) => {
                const f = report.byAgent?.[a.id];
                return (
                  <tr key={a.id} data-testid="report-agent-row" data-agent-id={a.id}>
                    <th scope="row">{a.name}</th>
                    <td className="num" data-testid="report-agent-aht">
                      {f ? seconds(f.value) : '—'}
                    </td>
                    <td className="num">{f ? f.denominator : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <section className="panel" aria-labelledby="report-incidents-title">
          <h2 id="report-incidents-title">{t('report.incidents')}</h2>
          {report.incidents.total === 0 ? (
            <p className="muted">{t('report.noIncidents')}</p>
          ) : (
            <table className="data-table" data-testid="report-incident-kinds">
              <thead>
                <tr>
                  <th scope="col">{t('report.incidentKind')}</th>
                  <th scope="col" className="num">
                    {t('report.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(report.incidents.byKind).map(([kind, n]) => (
                  <tr key={kind}>
                    <th scope="row">{incidentKindLabel(kind, t)}</th>
                    <td className="num">{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}

function ShareTable({ rows, header, empty }: { rows: Array<{ key: string; label: string; figure: { value: number | null; numerator: number; denominator: number } }>; header: string; empty: string }) {
  const { t } = useI18n();
  if (rows.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{header}</th>
          <th scope="col" className="num">
            {t('report.share')}
          </th>
          <th scope="col" className="num">
            {t('report.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{percent(r.figure.value)}</td>
            <td className="num">{t('report.counts', { numerator: r.figure.numerator, denominator: r.figure.denominator })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
