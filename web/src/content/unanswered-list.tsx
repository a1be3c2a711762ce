import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { contentApi, UNANSWERED_REASONS, type ContentLine, type UnansweredQuestion, type UnansweredReason } from './content-api.js';
import { percent } from './example-lines.js';

/** Questions the bot handed over (unsure, out of scope, asked again, turn limit; anonymised on the server), filterable by reason; one click makes one an example of an intent. */
export function UnansweredList({ line, onChanged }: { line: ContentLine; onChanged: () => Promise<unknown> }) {
  const { t, pick, dateTime } = useI18n();
  const [questions, setQuestions] = useState<UnansweredQuestion[] | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [reason, setReason] = useState<UnansweredReason | ''>('');
  const reasonId = useId();
  const intents = line.bot?.intents ?? [];
  const labelOf = (id: string | null) => (id ? pick(intents.find((i) => i.id === id)?.label) || id : '');

  const load = () => contentApi.unanswered(line.id, reason || undefined).then((r) => setQuestions(r.questions), (e: unknown) => setMessage({ ok: false, text: describeError(e, t) }));
  useEffect(() => {
    void load();
  }, [line.id, reason]);

  const resolve = async (q: UnansweredQuestion) => {
    const intentId = chosen[q.id] ?? q.topIntent ?? intents[0]?.id;
    if (!intentId) return;
    try {
      await contentApi.resolve(q.id, intentId);
      setMessage({ ok: true, text: t('content.unanswered.added', { intent: labelOf(intentId) }) });
      await Promise.all([load(), onChanged()]);
    } catch (e) {
      setMessage({ ok: false, text: describeError(e, t) });
    }
  };

  return (
    <section data-testid="unanswered">
      <p className="muted">{t('content.unanswered.intro')}</p>
      <div className="field-row">
        <label htmlFor={reasonId}>{t('content.unanswered.filter')}</label>
        <select id={reasonId} data-testid="unanswered-reason" value={reason} onChange={(e) => setReason(e.target.value as UnansweredReason | '')}>
          <option value="">{t('content.unanswered.allReasons')}</option>
          {UNANSWERED_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`content.unanswered.reason.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <p className={message?.ok ? 'form-ok' : 'form-error'} role="status" data-testid="unanswered-status">
        {message?.text ?? ''}
      </p>
      {questions?.length === 0 && <p data-testid="unanswered-empty">{t('content.unanswered.empty')}</p>}
      <ul className="unanswered-list">
        {questions?.map((q) => (
          <li key={q.id} data-testid="unanswered-item" data-id={q.id} data-reason={q.reason} className="card">
            <p className="unanswered-text" data-testid="unanswered-text">
              {q.text}
            </p>
            <p className="small muted">
              {q.language.toUpperCase()} · {t(`content.unanswered.reason.${q.reason}`)} · {dateTime(q.createdAt)}
              {q.topIntent && q.topConfidence !== null && <> · {t('content.unanswered.guess', { intent: labelOf(q.topIntent), percent: percent(q.topConfidence) })}</>}
            </p>
            <div className="button-row">
              <label className="inline">
                {t('content.unanswered.intent')}{' '}
                <select data-testid="unanswered-intent" value={chosen[q.id] ?? q.topIntent ?? intents[0]?.id ?? ''} onChange={(e) => setChosen((c) => ({ ...c, [q.id]: e.target.value }))}>
                  {intents.map((i) => (
                    <option key={i.id} value={i.id}>
                      {pick(i.label) || i.id}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button-primary" data-testid="unanswered-add" disabled={intents.length === 0} onClick={() => void resolve(q)}>
                {t('content.unanswered.addExample')}
              </button>
              <button
                type="button"
                data-testid="unanswered-dismiss"
                onClick={() => {
                  void contentApi.dismiss(q.id).then(load, (e: unknown) => setMessage({ ok: false, text: describeError(e, t) }));
                }}
              >
                {t('content.unanswered.dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
