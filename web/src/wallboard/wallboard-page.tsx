import { useCallback, useEffect, useReducer, useRef } from 'react';
import { api } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useRealtime } from '../realtime/realtime-context.js';
import { useNotices } from '../shell/notice-bar.js';
import './wallboard.css';
import {
  EMPTY_WALLBOARD,
  formatClock,
  formatPercent,
  formatWait,
  serviceLevelTone,
  WALLBOARD_STATUSES,
  wallboardReducer,
  type WallboardData,
  type WallboardQueue,
} from './wallboard-state.js';

/** Today's figures are refetched at most this often when frames arrive… */
const MIN_REFETCH_MS = 1000;
/** …and at least this often without them. */
const POLL_MS = 5000;

/**
 * The wallboard for a TV screen: a tile per queue with live counts (from `supervisor.update`
 * frames, within a second) and today's service level, answer rate and abandons (refetched at
 * most once a second on a frame, and every 5 s), channel totals and agents by status.
 */
export function WallboardPage() {
  const { t } = useI18n();
  const { showError } = useNotices();
  const client = useRealtime();
  const [state, dispatch] = useReducer(wallboardReducer, EMPTY_WALLBOARD);
  const fetching = useRef(false);
  const lastFetch = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failed = useRef(false);

  const refetch = useCallback(() => {
    if (fetching.current) return;
    fetching.current = true;
    const requestedAt = Date.now();
    lastFetch.current = requestedAt;
    api
      .get<WallboardData>('/api/wallboard')
      .then((board) => {
        failed.current = false;
        dispatch({ type: 'board', board, requestedAt, at: Date.now() });
      })
      .catch((error: unknown) => {
        // One notice per outage, not one every 5 s on a screen nobody touches.
        if (!failed.current) showError(error);
        failed.current = true;
      })
      .finally(() => {
        fetching.current = false;
      });
  }, [showError]);

  /** At most once per MIN_REFETCH_MS: later calls within the window fold into one at its end. */
  const scheduleRefetch = useCallback(() => {
    if (pending.current) return;
    const wait = Math.max(0, lastFetch.current + MIN_REFETCH_MS - Date.now());
    pending.current = setTimeout(() => {
      pending.current = undefined;
      refetch();
    }, wait);
  }, [refetch]);

  useEffect(() => {
    refetch();
    const poll = setInterval(refetch, POLL_MS);
    const offFrame = client.onFrame((frame) => {
      if (frame.t === 'supervisor.update') {
        dispatch({ type: 'live', data: frame.data, at: Date.now() });
        scheduleRefetch();
      } else if (frame.t === 'agent.status') {
        scheduleRefetch();
      } else if (frame.t === 'wallboard.surveys') {
        // Today's survey figures come complete in the frame: no refetch needed.
        dispatch({ type: 'surveys', surveys: frame.surveys, at: Date.now() });
      }
    });
    const offOpen = client.onOpen((reconnected) => reconnected && refetch());
    return () => {
      clearInterval(poll);
      if (pending.current) clearTimeout(pending.current);
      pending.current = undefined;
      offFrame();
      offOpen();
    };
  }, [client, refetch, scheduleRefetch]);

  const board = state.board;
  return (
    <main className="wallboard" data-testid="wallboard" aria-busy={board === null}>
      <header className="wallboard-head">
        <h1>{t('wallboard.title')}</h1>
        <p className="wallboard-today">{t('wallboard.today')}</p>
        <p className="wallboard-updated" data-testid="wallboard-updated" aria-live="off">
          {state.updatedAt !== null ? t('wallboard.updated', { time: formatClock(state.updatedAt) }) : t('common.loading')}
        </p>
        <button
          type="button"
          className="wallboard-fullscreen"
          data-testid="wallboard-fullscreen"
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen();
            else void document.documentElement.requestFullscreen?.().catch(() => undefined);
          }}
        >
          {t('wallboard.fullScreen')}
        </button>
      </header>
      {board && (
        <>
          <section className="wallboard-queues" aria-label={t('wallboard.queues')}>
            {board.queues.map((q) => (
              <QueueTile key={q.queueId} queue={q} />
            ))}
          </section>
          <div className="wallboard-bottom">
            <section className="wallboard-panel" aria-labelledby="wallboard-agents-title">
              <h2 id="wallboard-agents-title">{t('wallboard.agents')}</h2>
              <dl className="wallboard-statuses">
                {WALLBOARD_STATUSES.map((status) => (
                  <div key={status} className={`wallboard-status status-${status}`}>
                    <dt>{t(`status.${status}`)}</dt>
                    <dd data-testid={`wallboard-agents-${status}`}>{board.agents.byStatus[status] ?? 0}</dd>
                  </div>
                ))}
              </dl>
            </section>
            <SatisfactionPanel surveys={board.surveys} />
            <section className="wallboard-panel" aria-labelledby="wallboard-channels-title">
              <h2 id="wallboard-channels-title">{t('wallboard.channels')}</h2>
              <table className="wallboard-channels" data-testid="wallboard-channels">
                <thead>
                  <tr>
                    <th scope="col">{t('wallboard.channel')}</th>
                    <th scope="col">{t('wallboard.contactsToday')}</th>
                    <th scope="col">{t('wallboard.answered')}</th>
                    <th scope="col">{t('wallboard.abandoned')}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.channels.map((c) => (
                    <tr key={c.channel} data-testid="wallboard-channel" data-channel={c.channel}>
                      <th scope="row">{channelLabel(t, c.channel)}</th>
                      <td>{c.today.contacts}</td>
                      <td>{c.today.answered}</td>
                      <td>{c.today.abandoned}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </>
      )}
    </main>
  );
}

type T = ReturnType<typeof useI18n>['t'];

function channelLabel(t: T, channel: string): string {
  return channel === 'chat' || channel === 'voice' || channel === 'email' || channel === 'whatsapp' ? t(`channel.${channel}`) : channel;
}

/** Today's NPS with its counts and the mean helpfulness, pushed after every survey answer. */
function SatisfactionPanel({ surveys }: { surveys: WallboardData['surveys'] }) {
  const { t } = useI18n();
  const nps = surveys.netPromoterScore;
  const help = surveys.helpfulness;
  return (
    <section className="wallboard-panel" aria-labelledby="wallboard-satisfaction-title" data-testid="wallboard-satisfaction">
      <h2 id="wallboard-satisfaction-title">{t('wallboard.satisfaction')}</h2>
      <dl className="wallboard-figures wallboard-satisfaction">
        <div className="wallboard-figure big">
          <dt>{t('wallboard.nps')}</dt>
          <dd data-testid="wallboard-nps" data-value={nps.value ?? ''} data-denominator={nps.denominator}>
            {nps.value === null ? '–' : nps.value}
            <span className="wallboard-counts">{t('wallboard.npsCounts', { promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors })}</span>
          </dd>
        </div>
        <div className="wallboard-figure">
          <dt>{t('wallboard.responses')}</dt>
          <dd data-testid="wallboard-survey-responses">{surveys.responses}</dd>
        </div>
        <div className="wallboard-figure">
          <dt>{t('wallboard.helpfulness')}</dt>
          <dd data-testid="wallboard-helpfulness" data-denominator={help.denominator}>
            {help.value === null ? '–' : help.value.toFixed(1)}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function QueueTile({ queue: q }: { queue: WallboardQueue }) {
  const { t } = useI18n();
  const sl = q.today.serviceLevel;
  const tone = serviceLevelTone(sl.value, q.serviceLevelPercent);
  const late = q.waiting > 0 && q.longestWaitSeconds > q.serviceLevelSeconds;
  const titleId = `wallboard-queue-${q.queueId}`;
  return (
    <article className="wallboard-tile" data-testid="wallboard-queue" data-queue-id={q.queueId} aria-labelledby={titleId}>
      <h2 id={titleId}>{q.name}</h2>
      <dl className="wallboard-figures">
        <div className={`wallboard-figure big ${q.waiting > 0 ? 'attention' : ''}`}>
          <dt>{t('wallboard.waiting')}</dt>
          <dd data-testid="wallboard-waiting">{q.waiting}</dd>
        </div>
        <div className={`wallboard-figure big ${late ? 'tone-bad' : ''}`}>
          <dt>{t('wallboard.longestWait')}</dt>
          <dd data-testid="wallboard-longest-wait">
            {formatWait(q.longestWaitSeconds)}
            {late && <span className="visually-hidden"> {t('supervisor.overTarget')}</span>}
          </dd>
        </div>
        <div className={`wallboard-figure big tone-${tone}`} data-tone={tone}>
          <dt>{t('wallboard.serviceLevel')}</dt>
          <dd data-testid="wallboard-service-level" data-value={sl.value ?? ''} data-numerator={sl.numerator} data-denominator={sl.denominator}>
            {formatPercent(sl.value)}
            <span className="wallboard-counts">
              {t('wallboard.counts', { numerator: sl.numerator, denominator: sl.denominator })} · {t('wallboard.target', { percent: q.serviceLevelPercent, seconds: q.serviceLevelSeconds })}
            </span>
            {tone !== 'none' && <span className="visually-hidden"> ({t(`wallboard.tone.${tone}`)})</span>}
          </dd>
        </div>
        <div className="wallboard-figure">
          <dt>{t('wallboard.answerRate')}</dt>
          <dd data-testid="wallboard-answer-rate" data-numerator={q.today.answerRate.numerator} data-denominator={q.today.answerRate.denominator}>
            {formatPercent(q.today.answerRate.value)}
            <span className="wallboard-counts">{t('wallboard.counts', { numerator: q.today.answerRate.numerator, denominator: q.today.answerRate.denominator })}</span>
          </dd>
        </div>
        <div className="wallboard-figure">
          <dt>{t('wallboard.abandonedToday')}</dt>
          <dd data-testid="wallboard-abandoned">{q.today.abandoned}</dd>
        </div>
        <div className="wallboard-figure">
          <dt>{t('wallboard.availableAgents')}</dt>
          <dd data-testid="wallboard-available">{q.availableAgents}</dd>
        </div>
      </dl>
    </article>
  );
}
