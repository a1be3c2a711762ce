import { useId, useState } from 'react';
import { LANGUAGES, type LocalizedText } from '../api/api-types.js';
import { LocalizedInput } from '../admin/localized-input.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { BotSettingsForm } from './bot-settings-form.js';
import { contentApi, type BotIntent, type ContentLine } from './content-api.js';
import { examplesToLines, linesToExamples } from './example-lines.js';

/** The line bot's intents: a list and one editor (examples and answer per language, linked article, handover routing). */
export function IntentsTab({ line, onChanged }: { line: ContentLine; onChanged: () => Promise<unknown> }) {
  const { t, pick } = useI18n();
  const [editing, setEditing] = useState<string | null | 'new'>(null);
  // Kept here: a new intent's form is replaced by the saved intent's form, which still says "saved".
  const [notice, setNotice] = useState<string | null>(null);
  if (!line.bot) {
    return (
      <>
        <p data-testid="content-no-bot">{t('content.noBot')}</p>
        <BotSettingsForm line={line} onSaved={onChanged} />
      </>
    );
  }
  const intents = line.bot.intents;
  const current = editing && editing !== 'new' ? intents.find((i) => i.id === editing) ?? null : null;
  return (
    <>
      <BotSettingsForm line={line} onSaved={onChanged} />
      <div className="admin-panel">
        <section className="admin-list" aria-label={t('content.tab.intents')}>
          <button type="button" className="button-primary" data-testid="intent-new" onClick={() => {
              setNotice(null);
              setEditing('new');
            }}>
            {t('content.new')}
          </button>
          <ul data-testid="intent-list">
            {intents.map((i) => (
              <li key={i.id}>
                <button type="button" data-testid="intent-item" data-id={i.id} aria-current={editing === i.id ? 'true' : undefined} onClick={() => {
                    setNotice(null);
                    setEditing(i.id);
                  }}>
                  <span className="item-title">{pick(i.label) || i.id}</span>
                  <span className="item-sub">
                    {i.id} · {t('content.intent.exampleCount', { count: Object.values(i.examples).reduce((n, list) => n + (list?.length ?? 0), 0) })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        {editing && (
          <IntentForm
            key={editing}
            line={line}
            intent={current}
            notice={notice}
            onSaved={async (id) => {
              await onChanged();
              setNotice(t('content.saved'));
              setEditing(id);
            }}
            onDeleted={async () => {
              await onChanged();
              setEditing(null);
            }}
          />
        )}
      </div>
    </>
  );
}

function IntentForm({ line, intent, notice, onSaved, onDeleted }: { line: ContentLine; intent: BotIntent | null; notice: string | null; onSaved: (id: string) => Promise<void>; onDeleted: () => Promise<void> }) {
  const { t } = useI18n();
  const ids = { id: useId(), article: useId(), queue: useId(), priority: useId(), immediate: useId() };
  const [id, setId] = useState(intent?.id ?? '');
  const [label, setLabel] = useState<LocalizedText>(intent?.label ?? {});
  const [answer, setAnswer] = useState<LocalizedText>(intent?.answer ?? {});
  const [examples, setExamples] = useState<Record<string, string>>(() => Object.fromEntries(LANGUAGES.map((l) => [l, examplesToLines(intent?.examples[l])])));
  const [articleId, setArticleId] = useState(intent?.articleId ?? '');
  const [queueId, setQueueId] = useState(intent?.handover?.queueId ?? '');
  const [priority, setPriority] = useState(intent?.handover?.priority ?? 0);
  const [immediate, setImmediate] = useState(intent?.handover?.immediate ?? false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(notice ? { ok: true, text: notice } : null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setStatus(null);
    const handover = queueId || priority || immediate ? { ...(queueId ? { queueId } : {}), ...(priority ? { priority } : {}), ...(immediate ? { immediate } : {}) } : undefined;
    const next: BotIntent = {
      id: id.trim(),
      ...(Object.keys(label).length ? { label } : {}),
      examples: Object.fromEntries(line.languages.map((l) => [l, linesToExamples(examples[l] ?? '')]).filter(([, list]) => (list as string[]).length > 0)),
      answer,
      ...(articleId ? { articleId } : {}),
      ...(handover ? { handover } : {}),
    };
    try {
      await contentApi.saveIntent(line.id, next);
      setStatus({ ok: true, text: t('content.saved') });
      await onSaved(next.id);
    } catch (e) {
      setStatus({ ok: false, text: describeError(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="admin-form"
      data-testid="intent-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={ids.id}>{t('content.intent.id')}</label>
      <input id={ids.id} data-testid="intent-id" value={id} readOnly={intent !== null} required pattern="[A-Za-z0-9_\-]{2,64}" onChange={(e) => setId(e.target.value)} />
      <LocalizedInput label={t('content.intent.label')} value={label} onChange={setLabel} testId="intent-label" />
      {line.languages.map((l) => (
        <label key={l} className="block">
          {t('content.intent.examples', { language: l.toUpperCase() })}
          <textarea data-testid={`intent-examples-${l}`} rows={5} value={examples[l] ?? ''} onChange={(e) => setExamples((x) => ({ ...x, [l]: e.target.value }))} />
        </label>
      ))}
      <LocalizedInput label={t('content.intent.answer')} value={answer} onChange={setAnswer} testId="intent-answer" />
      <label htmlFor={ids.article}>{t('content.intent.article')}</label>
      <select id={ids.article} data-testid="intent-article" value={articleId} onChange={(e) => setArticleId(e.target.value)}>
        <option value="">{t('content.intent.noArticle')}</option>
        {line.articles.map((a) => (
          <option key={a.id} value={a.id}>
            {a.title} ({a.language.toUpperCase()})
          </option>
        ))}
      </select>
      <div className="field-row">
        <label htmlFor={ids.queue}>
          {t('content.intent.queue')}
          <select id={ids.queue} data-testid="intent-queue" value={queueId} onChange={(e) => setQueueId(e.target.value)}>
            <option value="">{t('content.intent.defaultQueue')}</option>
            {line.queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.priority}>
          {t('content.intent.priority')}
          <input id={ids.priority} data-testid="intent-priority" type="number" min={0} max={10} value={priority} onChange={(e) => setPriority(Number(e.target.value) || 0)} />
        </label>
      </div>
      <label className="inline">
        <input type="checkbox" data-testid="intent-immediate" checked={immediate} onChange={(e) => setImmediate(e.target.checked)} /> {t('content.intent.immediate')}
      </label>
      <div className="button-row">
        <button type="submit" className="button-primary" data-testid="intent-save" disabled={busy}>
          {t('common.save')}
        </button>
        {intent && (
          <button
            type="button"
            className="button-danger"
            data-testid="intent-delete"
            disabled={busy}
            onClick={() => {
              void contentApi.deleteIntent(line.id, intent.id).then(onDeleted, (e: unknown) => setStatus({ ok: false, text: describeError(e, t) }));
            }}
          >
            {t('content.delete')}
          </button>
        )}
        <span className={status?.ok ? 'form-ok' : 'form-error'} role="status" data-testid="intent-status">
          {status?.text ?? ''}
        </span>
      </div>
    </form>
  );
}
