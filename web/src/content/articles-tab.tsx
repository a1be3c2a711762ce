import { useEffect, useId, useState } from 'react';
import type { KnowledgeArticleView, Language, ProcedureStep } from '../api/api-types.js';
import { ApiError } from '../api/http-client.js';
import { slug } from '../admin/localized-input.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { ArticleHistory } from './article-history.js';
import { contentApi, type ContentLine } from './content-api.js';
import { parseTags } from './example-lines.js';

/** The line's articles: a list and one editor; saving sends the next version, and a stale one is refused by the server. */
export function ArticlesTab({ line, onChanged }: { line: ContentLine; onChanged: () => Promise<unknown> }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  // Kept here: a new article's editor is replaced by the saved article's editor, which still says "saved".
  const [notice, setNotice] = useState<string | null>(null);
  // Saves and restores reload the history; only a restore reloads the editor (a save already shows what it saved).
  const [revision, setRevision] = useState(0);
  const [restores, setRestores] = useState(0);
  return (
    <div className="admin-panel">
      <section className="admin-list" aria-label={t('content.tab.articles')}>
        <button type="button" className="button-primary" data-testid="article-new" onClick={() => {
            setNotice(null);
            setEditing('new');
          }}>
          {t('content.article.new')}
        </button>
        <ul data-testid="article-list">
          {line.articles.map((a) => (
            <li key={a.id}>
              <button type="button" data-testid="article-item" data-id={a.id} aria-current={editing === a.id ? 'true' : undefined} onClick={() => {
                  setNotice(null);
                  setEditing(a.id);
                }}>
                <span className="item-title">{a.title}</span>
                <span className="item-sub">
                  {a.language.toUpperCase()} · {a.visibility === 'public' ? t('content.article.public') : t('content.article.internal')} · {t('content.article.version', { version: a.version })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {editing && (
        <div className="article-workspace">
          <ArticleEditor
            key={`editor:${editing}:${restores}`}
            line={line}
            articleId={editing === 'new' ? null : editing}
            notice={notice}
            onSaved={async (id) => {
              await onChanged();
              setNotice(t('content.saved'));
              setEditing(id);
              setRevision((r) => r + 1);
            }}
          />
          {editing !== 'new' && (
            <ArticleHistory
              key={`history:${editing}:${revision}`}
              line={line}
              articleId={editing}
              onRestored={async (version, next) => {
                await onChanged();
                setNotice(t('content.history.restored', { version, next }));
                setRevision((r) => r + 1);
                setRestores((r) => r + 1);
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}

const emptyArticle = (line: ContentLine): Omit<KnowledgeArticleView, 'id' | 'updatedAt'> => ({
  lineId: line.id,
  language: line.languages[0] ?? 'nl',
  title: '',
  body: '',
  topicId: line.taxonomy[0]?.id ?? 'algemeen',
  subtopicId: null,
  visibility: 'internal',
  version: 0,
  tags: [],
  steps: [],
  warnings: [],
});

function ArticleEditor({ line, articleId, notice, onSaved }: { line: ContentLine; articleId: string | null; notice: string | null; onSaved: (id: string) => Promise<void> }) {
  const { t, pick } = useI18n();
  const ids = { title: useId(), body: useId(), topic: useId(), subtopic: useId(), tags: useId(), language: useId(), visibility: useId(), note: useId() };
  const [article, setArticle] = useState(articleId ? null : emptyArticle(line));
  const [tags, setTags] = useState('');
  const [changeNote, setChangeNote] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string; stale?: boolean } | null>(notice ? { ok: true, text: notice } : null);
  const [busy, setBusy] = useState(false);

  const load = () => {
    if (!articleId) return;
    contentApi.article(articleId).then(
      (a) => {
        const { id: _id, updatedAt: _u, ...rest } = a;
        setArticle(rest);
        setTags(a.tags.join(', '));
      },
      (e: unknown) => setStatus({ ok: false, text: describeError(e, t) }),
    );
  };
  useEffect(load, [articleId]);
  if (!article) return <p role="status">{t('common.loading')}</p>;
  const set = <K extends keyof typeof article>(key: K, value: (typeof article)[K]) => setArticle({ ...article, [key]: value });
  const topic = line.taxonomy.find((x) => x.id === article.topicId);
  const setStep = (index: number, change: Partial<ProcedureStep>) => set('steps', article.steps.map((s, i) => (i === index ? clean({ ...s, ...change }) : s)));

  const save = async () => {
    setBusy(true);
    setStatus(null);
    const base = `kb_${slug(article.title)}_${article.language}`.slice(0, 56);
    // A new article never takes over an existing one with the same title.
    const id = articleId ?? (line.articles.some((a) => a.id === base) ? `${base}-${Date.now().toString(36).slice(-6)}` : base);
    try {
      const note = changeNote.trim();
      const saved = await contentApi.saveArticle(id, {
        ...article,
        version: article.version + 1,
        tags: parseTags(tags),
        steps: article.steps.filter((s) => s.title.trim() && s.body.trim()),
        ...(note ? { changeNote: note } : {}),
      });
      setArticle({ ...article, version: saved.version });
      setStatus({ ok: true, text: t('content.saved') });
      await onSaved(id);
    } catch (e) {
      const stale = e instanceof ApiError && e.code === 'KNOWLEDGE_STALE_VERSION';
      setStatus({ ok: false, text: stale ? t('content.article.stale') : describeError(e, t), stale });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="admin-form"
      data-testid="article-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {articleId && <p className="muted" data-testid="article-version">{t('content.article.version', { version: article.version })}</p>}
      <label htmlFor={ids.title}>{t('content.article.title')}</label>
      <input id={ids.title} data-testid="article-title" required maxLength={500} value={article.title} onChange={(e) => set('title', e.target.value)} />
      <label htmlFor={ids.body}>{t('content.article.body')}</label>
      <textarea id={ids.body} data-testid="article-body" rows={8} value={article.body} onChange={(e) => set('body', e.target.value)} />
      <div className="field-row">
        <label htmlFor={ids.language}>
          {t('content.article.language')}
          <select id={ids.language} data-testid="article-language" value={article.language} disabled={articleId !== null} onChange={(e) => set('language', e.target.value as Language)}>
            {line.languages.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.visibility}>
          {t('content.article.visibility')}
          <select id={ids.visibility} data-testid="article-visibility" value={article.visibility} onChange={(e) => set('visibility', e.target.value as 'public' | 'internal')}>
            <option value="internal">{t('content.article.internal')}</option>
            <option value="public">{t('content.article.public')}</option>
          </select>
        </label>
        <label htmlFor={ids.topic}>
          {t('content.article.topic')}
          <select id={ids.topic} data-testid="article-topic" value={article.topicId} onChange={(e) => setArticle({ ...article, topicId: e.target.value, subtopicId: null })}>
            {line.taxonomy.map((x) => (
              <option key={x.id} value={x.id}>
                {pick(x.label) || x.id}
              </option>
            ))}
            {!topic && <option value={article.topicId}>{article.topicId}</option>}
          </select>
        </label>
        <label htmlFor={ids.subtopic}>
          {t('content.article.subtopic')}
          <select id={ids.subtopic} data-testid="article-subtopic" value={article.subtopicId ?? ''} onChange={(e) => set('subtopicId', e.target.value || null)}>
            <option value="">{t('content.article.noSubtopic')}</option>
            {topic?.subtopics.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(s.label) || s.id}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor={ids.tags}>{t('content.article.tags')}</label>
      <input id={ids.tags} data-testid="article-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
      <fieldset className="steps-editor" data-testid="article-steps">
        <legend>{t('content.steps.title')}</legend>
        {article.steps.map((step, index) => (
          <fieldset key={index} className="step-editor" data-testid="article-step">
            <legend>{t('content.steps.step', { number: index + 1 })}</legend>
            <StepField label={t('content.steps.stepTitle')} value={step.title} testId="step-title" onChange={(v) => setStep(index, { title: v })} />
            <StepField label={t('content.steps.body')} value={step.body} testId="step-body" multiline onChange={(v) => setStep(index, { body: v })} />
            <StepField label={t('content.steps.screen')} value={step.screen ?? ''} testId="step-screen" onChange={(v) => setStep(index, { screen: v })} />
            <StepField label={t('content.steps.tip')} value={step.tip ?? ''} testId="step-tip" onChange={(v) => setStep(index, { tip: v })} />
            <StepField label={t('content.steps.warning')} value={step.warning ?? ''} testId="step-warning" onChange={(v) => setStep(index, { warning: v })} />
            <button type="button" className="button-danger" data-testid="step-remove" onClick={() => set('steps', article.steps.filter((_, i) => i !== index))}>
              {t('content.steps.remove')}
            </button>
          </fieldset>
        ))}
        <button type="button" data-testid="step-add" onClick={() => set('steps', [...article.steps, { title: '', body: '' }])}>
          {t('content.steps.add')}
        </button>
      </fieldset>
      <label htmlFor={ids.note}>{t('content.article.changeNote')}</label>
      <input id={ids.note} data-testid="article-change-note" maxLength={500} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="button-primary" data-testid="article-save" disabled={busy}>
          {t('common.save')}
        </button>
        {status?.stale && (
          <button
            type="button"
            data-testid="article-reload"
            onClick={() => {
              setStatus(null);
              load();
            }}
          >
            {t('content.article.reload')}
          </button>
        )}
        <span className={status?.ok ? 'form-ok' : 'form-error'} role="status" data-testid="article-status">
          {status?.text ?? ''}
        </span>
      </div>
    </form>
  );
}

function StepField({ label, value, testId, multiline, onChange }: { label: string; value: string; testId: string; multiline?: boolean; onChange: (v: string) => void }) {
  return (
    <label className="block">
      {label}
      {multiline ? <textarea data-testid={testId} rows={3} value={value} onChange={(e) => onChange(e.target.value)} /> : <input data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} />}
    </label>
  );
}

/** Optional step fields are left out when empty, so the server's schema (min 1 character) accepts them. */
function clean(step: ProcedureStep): ProcedureStep {
  const out: ProcedureStep = { title: step.title, body: step.body };
  if (step.screen) out.screen = step.screen;
  if (step.tip) out.tip = step.tip;
  if (step.warning) out.warning = step.warning;
  return out;
}
