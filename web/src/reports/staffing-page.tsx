import { useEffect, useMemo, useState } from 'react';
import type { StaffingPlanView } from '../../../src/app/reports/staffing.types.js';
import type { Line } from '../api/api-types.js';
import { agentApi } from '../api/endpoints.js';
import { api } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useNotices } from '../shell/notice-bar.js';
import { ReportChart, type ChartSeries } from './report-chart.js';
import { duration, isoDate, percent } from './report-format.js';
import './reports.css';

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The staffing screen: for a line and a day, the contacts expected per interval (same weekday
 * and interval over the last N weeks, with their trend) and the agents needed for the service
 * level target with their occupancy (`GET /api/staffing/lines/:id`, Erlang C on the server).
 */
export function StaffingPage() {
  const { t } = useI18n();
  const { showError } = useNotices();
  const [lines, setLines] = useState<Line[]>([]);
  const [lineId, setLineId] = useState('');
  const [day, setDay] = useState(() => isoDate(new Date(Date.now() + 86_400_000)));
  const [weeks, setWeeks] = useState('6');
  const [interval, setInterval] = useState('30');
  const [plan, setPlan] = useState<StaffingPlanView | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    agentApi.lines().then((r) => {
      setLines(r.lines);
      setLineId((current) => current || (r.lines[0]?.id ?? ''));
    }, showError);
  }, [showError]);

  const load = () => {
    if (!lineId || !day) return;
    setLoading(true);
    const query = new URLSearchParams({ day, weeks, intervalMinutes: interval });
    api
      .get<StaffingPlanView>(`/api/staffing/lines/${encodeURIComponent(lineId)}?${query.toString()}`)
      .then(setPlan, showError)
      .finally(() => setLoading(false));
  };

  return (
    <main className="reports" data-testid="staffing">
      <h1>{t('staffing.title')}</h1>
      <form
        className="report-filters"
        aria-label={t('staffing.title')}
        onSubmit={(e) => {
          e.preventDefault();
          load();
        }}
      >
        <label>
          {t('report.line')}
          <select data-testid="staffing-line" value={lineId} onChange={(e) => setLineId(e.target.value)}>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staffing.day')}
          <input type="date" data-testid="staffing-day" required value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
        <label>
          {t('staffing.weeks')}
          <input type="number" min={1} max={26} data-testid="staffing-weeks" value={weeks} onChange={(e) => setWeeks(e.target.value)} />
        </label>
        <label>
          {t('staffing.interval')}
          <select data-testid="staffing-interval" value={interval} onChange={(e) => setInterval(e.target.value)}>
            {['15', '30', '60'].map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-primary" data-testid="staffing-show" disabled={!lineId || !day || loading}>
          {t('staffing.show')}
        </button>
      </form>
      {loading && <p role="status">{t('common.loading')}</p>}
      {plan && <StaffingPlan plan={plan} />}
    </main>
  );
}

function StaffingPlan({ plan }: { plan: StaffingPlanView }) {
  const { t } = useI18n();
  const busy = plan.intervals.filter((i) => i.contacts > 0.005 || i.agents > 0);
  const seconds = (v: number) => duration(v, { seconds: (s) => t('report.seconds', { value: s }), minutes: (m, s) => t('report.minutes', { minutes: m, seconds: s }) });
  const labels = useMemo(() => busy.map((i) => clock(i.startMinute)), [busy]);
  const series = useMemo<ChartSeries[]>(
    () => [
      { label: t('staffing.contacts'), data: busy.map((i) => Math.round(i.contacts * 10) / 10), color: '#1d4ed8' },
      { label: t('staffing.agents'), data: busy.map((i) => i.agents), color: '#047857' },
    ],
    [busy, t],
  );
  return (
    <div className="report-body" data-testid="staffing-plan" data-line-id={plan.lineId}>
      <p data-testid="staffing-assumptions">
        {t('staffing.assumptions', {
          aht: seconds(plan.ahtSeconds),
          source: t(`staffing.source.${plan.ahtSource}`),
          percent: plan.targetPercent,
          seconds: plan.targetSeconds,
          shrinkage: Math.round(plan.shrinkage * 100),
          trend: plan.trendFactor.toFixed(2),
        })}
      </p>
      <p className="muted">{t('staffing.history', { days: plan.historyDays.join(', '), totals: plan.dayTotals.join(' / ') })}</p>
      {busy.length === 0 ? (
        <p className="muted" data-testid="staffing-quiet">
          {t('staffing.quiet')}
        </p>
      ) : (
        <>
          <p data-testid="staffing-peak">
            {t('staffing.peak', { agents: plan.totals.peakAgents, scheduled: plan.totals.peakScheduledAgents, contacts: Math.round(plan.totals.contacts) })}
          </p>
          <ReportChart title={t('staffing.chart')} labels={labels} series={series} testId="staffing-chart">
            <StaffingTable rows={busy} />
          </ReportChart>
          <section className="panel" aria-label={t('staffing.chart')}>
            <StaffingTable rows={busy} />
          </section>
        </>
      )}
    </div>
  );
}

function StaffingTable({ rows }: { rows: StaffingPlanView['intervals'] }) {
  const { t } = useI18n();
  return (
    <table className="data-table" data-testid="staffing-table">
      <thead>
        <tr>
          <th scope="col">{t('staffing.time')}</th>
          <th scope="col" className="num">
            {t('staffing.contacts')}
          </th>
          <th scope="col" className="num">
            {t('staffing.agents')}
          </th>
          <th scope="col" className="num">
            {t('staffing.scheduled')}
          </th>
          <th scope="col" className="num">
            {t('staffing.occupancy')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => (
          <tr key={i.startMinute} data-testid="staffing-row" data-start-minute={i.startMinute}>
            <th scope="row">{clock(i.startMinute)}</th>
            <td className="num">{i.contacts.toFixed(1)}</td>
            <td className="num" data-testid="staffing-agents">
              {i.agents}
            </td>
            <td className="num">{i.scheduledAgents}</td>
            <td className="num">{percent(i.occupancy)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
