import { useEffect, useId, useState } from 'react';
import type { Language } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { contentApi, type ContentLine, type ImportSummary, type Utterance } from './content-api.js';
import { percent } from './example-lines.js';

/** Chat-log import: upload a CSV or JSON file; label each imported customer turn (the engine suggests one). */
export function ChatImport({ line, onChanged }: { line: ContentLine; onChanged: () => Promise<unknown> }) {
  const { t, pick } = useI18n();
  const ids = { file: useId(), format: useId(), language: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [language, setLanguage] = useState<Language>(line.languages[0] ?? 'nl');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [utterances, setUtterances] = useState<Utterance[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const intents = line.bot?.intents ?? [];
  const labelOf = (id: string) => pick(intents.find((i) => i.id === id)?.label) || id;

  const load = () => contentApi.utterances(line.id).then((r) => setUtterances(r.utterances), (e: unknown) => setError(describeError(e, t)));
  useEffect(() => {
    void load();
  }, [line.id]);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setSummary(await contentApi.importLogs(line.id, format, language, await file.text()));
      await Promise.all([load(), onChanged()]);
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const label = async (u: Utterance, intent: string | null) => {
    try {
      const saved = await contentApi.label(u.id, intent);
      setUtterances((list) => list.map((x) => (x.id === u.id ? { ...x, intent: saved.intent } : x)));
      await onChanged();
    } catch (e) {
      setError(describeError(e, t));
    }
  };

  return (
    <section data-testid="chat-import">
      <p className="muted">{t('content.import.intro')}</p>
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={ids.file}>
          {t('content.import.file')}
          <input
            id={ids.file}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            data-testid="import-file"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f?.name.toLowerCase().endsWith('.json')) setFormat('json');
              if (f?.name.toLowerCase().endsWith('.csv')) setFormat('csv');
            }}
          />
        </label>
        <label htmlFor={ids.format}>
          {t('content.import.format')}
          <select id={ids.format} data-testid="import-format" value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'json')}>
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </label>
        <label htmlFor={ids.language}>
          {t('content.import.language')}
          <select id={ids.language} data-testid="import-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {line.languages.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-primary" data-testid="import-submit" disabled={busy || !file}>
          {t('content.import.submit')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {summary && (
        <p className="form-ok" role="status" data-testid="import-summary">
          {t('content.import.done', { utterances: summary.utterances, transcripts: summary.transcripts, labelled: summary.labelled, redactions: summary.redactions })}
        </p>
      )}
      <h2>{t('content.import.utterances')}</h2>
      <p className="muted small" data-testid="import-trained">
        {t('content.import.trained', { count: line.importedExamples })}
      </p>
      <ul className="unanswered-list">
        {utterances.map((u) => (
          <li key={u.id} className="card" data-testid="utterance-item" data-id={u.id}>
            <p data-testid="utterance-text">{u.text}</p>
            <p className="small muted">
              {u.language.toUpperCase()} · {u.transcriptRef}#{u.turn}
              {u.suggestedIntent && u.suggestedConfidence !== null && <> · {t('content.import.suggested', { intent: labelOf(u.suggestedIntent), percent: percent(u.suggestedConfidence) })}</>}
            </p>
            <label className="inline">
              {t('content.import.label')}{' '}
              <select data-testid="utterance-label" value={u.intent ?? ''} onChange={(e) => void label(u, e.target.value || null)}>
                <option value="">{t('content.import.unlabelled')}</option>
                {intents.map((i) => (
                  <option key={i.id} value={i.id}>
                    {pick(i.label) || i.id}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
