import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useNotices } from '../shell/notice-bar.js';
import { formatEuros, gesturesApi, parseEuros, type Gesture, type GestureBudget, type GestureStatus } from './quality-api.js';

const LOCALES = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' } as const;

/**
 * Small gestures for customers: anyone in a team asks (amount and reason); a supervisor approves
 * within what is left of the team's yearly budget, rejects, or records that the flowers were sent.
 */
export function GesturesPanel({ decider, budgetKeeper }: { decider: boolean; budgetKeeper: boolean }) {
  const { t, language, dateTime } = useI18n();
  const { showError } = useNotices();
  const euros = (cents: number) => formatEuros(cents, LOCALES[language]);
  const [budgets, setBudgets] = useState<GestureBudget[]>([]);
  const [gestures, setGestures] = useState<Gesture[] | null>(null);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [budgetTeam, setBudgetTeam] = useState('Team A');
  const [budgetAmount, setBudgetAmount] = useState('');
  const year = new Date().getFullYear();

  const load = useCallback(() => {
    gesturesApi.budgets().then((r) => setBudgets(r.budgets), showError);
    gesturesApi.list().then((r) => setGestures(r.gestures), showError);
  }, [showError]);
  useEffect(load, [load]);

  const request = async (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuros(amount);
    if (cents === null || cents === 0) return;
    try {
      const gesture = await gesturesApi.request(cents, reason);
      setGestures((list) => [gesture, ...(list ?? [])]);
      setAmount('');
      setReason('');
    } catch (error) {
      showError(error);
    }
  };
  const decide = async (g: Gesture, status: GestureStatus, note: string) => {
    try {
      const updated = await gesturesApi.decide(g.id, { version: g.version, status, note: note.trim() || null });
      setGestures((list) => list?.map((x) => (x.id === updated.id ? updated : x)) ?? list);
      gesturesApi.budgets().then((r) => setBudgets(r.budgets), showError);
    } catch (error) {
      showError(error);
      if (error instanceof ApiError && error.code === 'CHANGED_MEANWHILE') load();
    }
  };
  const saveBudget = async (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuros(budgetAmount);
    if (cents === null) return;
    try {
      await gesturesApi.setBudget(budgetTeam.trim(), year, cents);
      setBudgetAmount('');
      gesturesApi.budgets().then((r) => setBudgets(r.budgets), showError);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div className="gestures" data-testid="gestures">
      <section aria-labelledby="budgets-title" className="quality-panel">
        <h2 id="budgets-title">{t('gestures.budgets', { year })}</h2>
        {budgets.length === 0 ? (
          <p className="muted">{t('gestures.noBudgets')}</p>
        ) : (
          <ul className="card-list">
            {budgets.map((b) => (
              <li key={b.team} className="card" data-testid="gesture-budget" data-team={b.team} data-left-cents={b.leftCents}>
                {t('gestures.budgetRow', { team: b.team, left: euros(b.leftCents), amount: euros(b.amountCents) })}
              </li>
            ))}
          </ul>
        )}
        {budgetKeeper && (
          <form className="card inline-form" onSubmit={(e) => void saveBudget(e)} aria-label={t('gestures.setBudget')}>
            <label>
              {t('gestures.team')}
              <input data-testid="budget-team" required value={budgetTeam} onChange={(e) => setBudgetTeam(e.target.value)} />
            </label>
            <label>
              {t('gestures.amount')}
              <input data-testid="budget-amount" inputMode="decimal" required value={budgetAmount} onChange={(e) => setBudgetAmount(e.target.value)} />
            </label>
            <button type="submit" data-testid="budget-save" disabled={parseEuros(budgetAmount) === null}>
              {t('gestures.setBudget')}
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="gestures-title" className="quality-panel">
        <h2 id="gestures-title">{t('gestures.title')}</h2>
        <form className="card" onSubmit={(e) => void request(e)} aria-labelledby="gesture-new-title">
          <h3 id="gesture-new-title">{t('gestures.request')}</h3>
          <label>
            {t('gestures.amount')}
            <input data-testid="gesture-amount" inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} />
          </label>
          <label>
            {t('gestures.reason')}
            <input data-testid="gesture-reason" required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="button-primary" data-testid="gesture-submit" disabled={!parseEuros(amount) || reason.trim().length < 3}>
            {t('gestures.submit')}
          </button>
        </form>
        {gestures?.length === 0 && <p className="muted">{t('gestures.none')}</p>}
        <ul className="card-list">
          {(gestures ?? []).map((g) => (
            <GestureCard key={`${g.id}:${g.version}`} gesture={g} decider={decider} euros={euros} when={dateTime(g.createdAt)} onDecide={(status, note) => void decide(g, status, note)} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function GestureCard(props: { gesture: Gesture; decider: boolean; euros: (cents: number) => string; when: string; onDecide: (status: GestureStatus, note: string) => void }) {
  const { t } = useI18n();
  const g = props.gesture;
  const [note, setNote] = useState('');
  return (
    <li className="card" data-testid="gesture-item" data-gesture-id={g.id} data-status={g.status}>
      <h3>
        {t('gestures.item', { amount: props.euros(g.amountCents), name: g.requestedBy.name, team: g.team })}{' '}
        <span className={`badge badge-${g.status}`} data-testid="gesture-status">
          {t(`gestures.status.${g.status}`)}
        </span>
      </h3>
      <p className="item-sub">{props.when}</p>
      <p className="pre-wrap">{g.reason}</p>
      {g.decidedBy && (
        <p className="item-sub">
          {t('gestures.decidedBy', { name: g.decidedBy })}
          {g.decisionNote && <> · {g.decisionNote}</>}
        </p>
      )}
      {props.decider && (g.status === 'requested' || g.status === 'approved') && (
        <div className="button-row">
          <label>
            {t('gestures.note')}
            <input data-testid="gesture-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          {g.status === 'requested' && (
            <button type="button" className="button-primary" data-testid="gesture-approve" onClick={() => props.onDecide('approved', note)}>
              {t('gestures.approve')}
            </button>
          )}
          {g.status === 'approved' && (
            <button type="button" className="button-primary" data-testid="gesture-sent" onClick={() => props.onDecide('sent', note)}>
              {t('gestures.markSent')}
            </button>
          )}
          <button type="button" data-testid="gesture-reject" onClick={() => props.onDecide('rejected', note)}>
            {t('gestures.reject')}
          </button>
        </div>
      )}
    </li>
  );
}
