import { useId, useState } from 'react';
import type { Language } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { describeError } from '../shell/error-message.js';
import { contentApi, type BotTestResult, type ContentLine } from './content-api.js';
import { percent } from './example-lines.js';

/** The bot test console: what the bot would answer for a typed question, and why. */
export function BotConsole({ line }: { line: ContentLine }) {
  const { t } = useI18n();
  const ids = { question: useId(), language: useId(), result: useId() };
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<Language>(line.languages[0] ?? 'nl');
  const [result, setResult] = useState<BotTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!line.bot) return <p data-testid="content-no-bot">{t('content.noBot')}</p>;

  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await contentApi.test(line.id, language, text));
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const reasonKey = (reason: string): string => {
    const key = `content.console.reason.${reason}`;
    return key in REASONS ? t(key as MessageKey) : reason;
  };

  return (
    <section className="bot-console" data-testid="bot-console" aria-describedby={ids.result}>
      <p className="muted">{t('content.console.intro')}</p>
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void ask();
        }}
      >
        <label htmlFor={ids.question}>
          {t('content.console.question')}
          <input id={ids.question} data-testid="console-input" className="wide" value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
        </label>
        <label htmlFor={ids.language}>
          {t('content.console.language')}
          <select id={ids.language} data-testid="console-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {line.languages.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-primary" data-testid="console-ask" disabled={busy || !text.trim()}>
          {t('content.console.ask')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div id={ids.result} aria-live="polite">
        {result && (
          <div className="console-result" data-testid="console-result" data-decision={result.decision} data-reason={result.reason}>
            <dl>
              <dt>{t('content.console.decision')}</dt>
              <dd data-testid="console-decision">{t(`content.console.decision.${result.decision}` as MessageKey)}</dd>
              <dt>{t('content.console.reason')}</dt>
              <dd data-testid="console-reason">{result.decision === 'answer' && result.reason !== 'public_article' ? result.ranked.find((r) => r.intent === result.reason)?.label ?? result.reason : reasonKey(result.reason)}</dd>
              <dt>{t('content.console.reply')}</dt>
              <dd data-testid="console-reply" className="console-reply">
                {result.reply}
              </dd>
              {result.article && (
                <>
                  <dt>{t('content.console.article')}</dt>
                  <dd data-testid="console-article" data-article-id={result.article.id}>
                    {result.article.title}
                  </dd>
                </>
              )}
            </dl>
            <h3>{t('content.console.intents')}</h3>
            <p className="muted small">{t('content.console.threshold', { threshold: result.settings.answerThreshold, margin: result.settings.clarifyMargin })}</p>
            <ol className="console-intents">
              {result.ranked.map((r) => (
                <li key={r.intent} data-testid="console-intent" data-intent={r.intent} data-confidence={r.confidence.toFixed(3)}>
                  <span>{r.label}</span> <meter min={0} max={1} value={r.confidence} aria-label={r.label} /> <span>{percent(r.confidence)}%</span>
                </li>
              ))}
              <li data-testid="console-out-of-scope" data-confidence={result.outOfScope.toFixed(3)}>
                <span>{t('content.console.outOfScope')}</span> <meter min={0} max={1} value={result.outOfScope} aria-label={t('content.console.outOfScope')} /> <span>{percent(result.outOfScope)}%</span>
              </li>
            </ol>
          </div>
        )}
      </div>
    </section>
  );
}

const REASONS: Record<string, true> = {
  'content.console.reason.low_confidence': true,
  'content.console.reason.customer_asked': true,
  'content.console.reason.repeat': true,
  'content.console.reason.max_turns': true,
  'content.console.reason.intent': true,
  'content.console.reason.close_call': true,
  'content.console.reason.public_article': true,
};
