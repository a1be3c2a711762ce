import { useCallback, useEffect, useState } from 'react';
import { complimentsApi } from '../api/endpoints.js';
import type { Compliment } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useRealtime } from '../realtime/realtime-context.js';

const REFRESH_MS = 30_000;

/**
 * The agent's own compliments under "Mijn gesprekken": a new one arrives over the WebSocket
 * (`compliment.received`) the moment it is stored; the list is also refreshed every 30 s and
 * whenever `refreshKey` changes (the desktop passes one that changes when a conversation ends).
 * Only the agent decides whether a compliment is shared with the team.
 */
export function ComplimentsFeed({ refreshKey }: { refreshKey: string }) {
  const { t, dateTime } = useI18n();
  const [compliments, setCompliments] = useState<Compliment[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    try {
      setCompliments((await complimentsApi.mine()).compliments);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);
  useEffect(() => {
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  const client = useRealtime();
  useEffect(
    () =>
      client.onFrame((frame) => {
        if (frame.t !== 'compliment.received') return;
        const pushed = frame.compliment;
        setCompliments((list) => (list?.some((c) => c.id === pushed.id) ? list : [pushed, ...(list ?? [])]));
      }),
    [client],
  );

  const share = async (c: Compliment, shareWithTeam: boolean) => {
    setCompliments((list) => list?.map((x) => (x.id === c.id ? { ...x, shareWithTeam } : x)) ?? list);
    try {
      await complimentsApi.share(c.id, shareWithTeam);
    } catch {
      await load();
    }
  };

  return (
    <section className="panel compliments-feed" data-testid="compliments-feed" aria-labelledby="compliments-title">
      <h2 id="compliments-title">
        {t('compliments.title')} {compliments && compliments.length > 0 && <span className="count">{compliments.length}</span>}
      </h2>
      {failed && <p className="muted" role="status">{t('compliments.failed')}</p>}
      {compliments && compliments.length === 0 && <p className="muted">{t('compliments.none')}</p>}
      {compliments && compliments.length > 0 && (
        <ul>
          {compliments.map((c) => (
            <li key={c.id} data-testid="compliment-item" data-compliment-id={c.id}>
              <blockquote>{c.text}</blockquote>
              <span className="item-sub">
                {t(`compliments.source.${c.source}`)} · {dateTime(c.createdAt)}
              </span>
              <label className="compliment-share">
                <input type="checkbox" data-testid="compliment-share" checked={c.shareWithTeam} onChange={(e) => void share(c, e.currentTarget.checked)} /> {t('compliments.share')}
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
