import type { Queue, QueueStats } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Waiting, ringing and longest wait per queue; a wait beyond the service-level target is flagged. */
export function QueueTable({ stats, queues }: { stats: QueueStats[]; queues: Queue[] }) {
  const { t } = useI18n();
  const byId = new Map(queues.map((q) => [q.id, q]));
  return (
    <section aria-labelledby="queues-title" className="panel">
      <h2 id="queues-title">{t('supervisor.queues')}</h2>
      <table className="data-table" data-testid="supervisor-queues">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.queue')}</th>
            <th scope="col" className="num">{t('supervisor.waiting')}</th>
            <th scope="col" className="num">{t('supervisor.offered')}</th>
            <th scope="col" className="num">{t('supervisor.longestWait')}</th>
            <th scope="col" className="num">{t('supervisor.target')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => {
            const q = byId.get(s.queueId);
            const late = q ? s.longestWaitSeconds > q.serviceLevelSeconds : false;
            return (
              <tr key={s.queueId} data-testid="supervisor-queue-row" data-queue-id={s.queueId}>
                <th scope="row">{q?.name ?? s.queueId}</th>
                <td className="num" data-testid="queue-waiting">{s.waiting}</td>
                <td className="num" data-testid="queue-offered">{s.offered}</td>
                <td className={`num ${late ? 'late' : ''}`} data-testid="queue-longest-wait">
                  {formatWait(s.longestWaitSeconds)}
                  {late && <span className="visually-hidden"> {t('supervisor.overTarget')}</span>}
                </td>
                <td className="num muted">{q ? `${q.serviceLevelPercent}% / ${q.serviceLevelSeconds}s` : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function formatWait(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
