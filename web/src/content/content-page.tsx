import './content.css';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { describeError } from '../shell/error-message.js';
import { ArticlesTab } from './articles-tab.js';
import { BotConsole } from './bot-console.js';
import { ChatImport } from './chat-import.js';
import { contentApi, type ContentLine } from './content-api.js';
import { IntentsTab } from './intents-tab.js';
import { UnansweredList } from './unanswered-list.js';

const TABS = ['intents', 'articles', 'console', 'unanswered', 'import'] as const;
type Tab = (typeof TABS)[number];

/** The content managers' workspace: per line the bot's intents, articles, a test console, unanswered questions and chat-log import. */
export function ContentPage() {
  const { t } = useI18n();
  const selectId = useId();
  const [lines, setLines] = useState<ContentLine[] | null>(null);
  const [lineId, setLineId] = useState<string>('');
  const [tab, setTab] = useState<Tab>('intents');
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    contentApi.lines().then(
      (r) => {
        setLines(r.lines);
        setLineId((current) => current || (r.lines.find((l) => l.bot) ?? r.lines[0])?.id || '');
      },
      (e: unknown) => setError(describeError(e, t)),
    );
  useEffect(() => {
    void load();
  }, []);
  const line = lines?.find((l) => l.id === lineId) ?? null;

  return (
    <main className="admin content" data-testid="content">
      <h1>{t('content.title')}</h1>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="field-row">
        <label htmlFor={selectId}>{t('content.line')}</label>
        <select id={selectId} data-testid="content-line" value={lineId} onChange={(e) => setLineId(e.target.value)}>
          {lines?.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        {line && (
          <span className="muted" data-testid="content-bot-state">
            {line.bot ? (line.bot.enabled ? t('content.botEnabled') : t('content.botDisabled')) : t('content.noBot')}
          </span>
        )}
      </div>
      <div role="tablist" aria-label={t('content.title')} className="tabs">
        {TABS.map((x) => (
          <button key={x} role="tab" type="button" id={`content-tab-${x}`} aria-selected={tab === x} aria-controls="content-panel" data-testid={`content-tab-${x}`} onClick={() => setTab(x)}>
            {t(`content.tab.${x}` as MessageKey)}
          </button>
        ))}
      </div>
      <div id="content-panel" role="tabpanel" aria-labelledby={`content-tab-${tab}`} className="content-panel">
        {line && tab === 'intents' && <IntentsTab key={line.id} line={line} onChanged={load} />}
        {line && tab === 'articles' && <ArticlesTab key={line.id} line={line} onChanged={load} />}
        {line && tab === 'console' && <BotConsole key={line.id} line={line} />}
        {line && tab === 'unanswered' && <UnansweredList key={line.id} line={line} onChanged={load} />}
        {line && tab === 'import' && <ChatImport key={line.id} line={line} onChanged={load} />}
      </div>
    </main>
  );
}
