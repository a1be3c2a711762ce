import { useId, useState } from 'react';
import type { LocalizedText } from '../api/api-types.js';
import { LocalizedInput } from '../admin/localized-input.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { contentApi, type ContentLine } from './content-api.js';

/** The line bot's settings (on/off, name, greeting, thresholds); on a line without a bot it creates one, switched off. */
export function BotSettingsForm({ line, onSaved }: { line: ContentLine; onSaved: () => Promise<unknown> }) {
  const { t } = useI18n();
  const ids = { name: useId(), threshold: useId(), margin: useId(), turns: useId() };
  const bot = line.bot;
  const [enabled, setEnabled] = useState(bot?.enabled ?? false);
  const [name, setName] = useState(bot?.name ?? '');
  const [greeting, setGreeting] = useState<LocalizedText>(bot?.greeting ?? {});
  const [threshold, setThreshold] = useState(bot?.answerThreshold ?? 0.6);
  const [margin, setMargin] = useState(bot?.clarifyMargin ?? 0.15);
  const [turns, setTurns] = useState(bot?.maxBotTurns ?? 4);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setStatus(null);
    try {
      await contentApi.saveBot(line.id, { enabled, ...(name.trim() ? { name: name.trim() } : {}), greeting, answerThreshold: threshold, clarifyMargin: margin, maxBotTurns: turns });
      setStatus({ ok: true, text: t('content.saved') });
      await onSaved();
    } catch (e) {
      setStatus({ ok: false, text: describeError(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="admin-form bot-settings" data-testid="bot-settings" open={!bot}>
      <summary>{t('content.bot.title')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="inline">
          <input type="checkbox" data-testid="bot-enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('content.bot.enabled')}
        </label>
        <div className="field-row">
          <label htmlFor={ids.name}>
            {t('content.bot.name')}
            <input id={ids.name} data-testid="bot-name" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label htmlFor={ids.threshold}>
            {t('content.bot.threshold')}
            <input id={ids.threshold} data-testid="bot-threshold" type="number" min={0} max={1} step={0.05} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} />
          </label>
          <label htmlFor={ids.margin}>
            {t('content.bot.margin')}
            <input id={ids.margin} data-testid="bot-margin" type="number" min={0} max={1} step={0.05} value={margin} onChange={(e) => setMargin(Number(e.target.value))} />
          </label>
          <label htmlFor={ids.turns}>
            {t('content.bot.maxTurns')}
            <input id={ids.turns} data-testid="bot-max-turns" type="number" min={1} max={50} value={turns} onChange={(e) => setTurns(Math.round(Number(e.target.value)) || 1)} />
          </label>
        </div>
        <LocalizedInput label={t('content.bot.greeting')} value={greeting} onChange={setGreeting} testId="bot-greeting" />
        <div className="button-row">
          <button type="submit" className="button-primary" data-testid="bot-save" disabled={busy}>
            {bot ? t('common.save') : t('content.bot.create')}
          </button>
          <span className={status?.ok ? 'form-ok' : 'form-error'} role="status" data-testid="bot-status">
            {status?.text ?? ''}
          </span>
        </div>
      </form>
    </details>
  );
}
