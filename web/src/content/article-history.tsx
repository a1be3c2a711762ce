import { useEffect, useId, useState } from 'react';
import type { DiffLine, FieldDiff } from '../../../src/core/knowledge/index.js';
import { ApiError } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { describeError } from '../shell/error-message.js';
import { contentApi, type ArticleDiff, type ArticleVersionEntry, type ArticleVersionView, type ContentLine } from './content-api.js';

type Shown = { kind: 'view'; version: ArticleVersionView } | { kind: 'diff'; from: number; to: number; diff: ArticleDiff } | { kind: 'confirm'; version: number } | null;

/**
 * The "Versies / Historique / Versions" panel of an article: every saved version with date, author
 * and note; one version as it was saved; what changed from it to the current version; and restore
 * (after a confirmation), which saves a new version with the old content.
 */
export function ArticleHistory({ line, articleId, onRestored }: { line: ContentLine; articleId: string; onRestored: (version: number, next: number) => Promise<void> }) {
  const { t, dateTime } = useI18n();
  const headingId = useId();
  const noteId = useId();
  const [history, setHistory] = useState<{ currentVersion: number; versions: ArticleVersionEntry[] } | null>(null);
  const [shown, setShown] = useState<Shown>(null);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string; stale?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () =>
    contentApi.versions(articleId).then(
      (r) => setHistory({ currentVersion: r.currentVersion, versions: r.versions }),
      (e: unknown) => setStatus({ ok: false, text: describeError(e, t) }),
    );
  useEffect(() => {
    void load();
  }, [articleId]);

  const fail = (e: unknown) => setStatus({ ok: false, text: describeError(e, t) });
  const view = (version: number) => {
    setStatus(null);
    contentApi.version(articleId, version).then((v) => setShown({ kind: 'view', version: v }), fail);
  };
  const compare = (version: number) => {
    setStatus(null);
    contentApi.diff(articleId, version).then((d) => setShown({ kind: 'diff', ...d }), fail);
  };
  const restore = async (version: number) => {
    if (!history) return;
    setBusy(true);
    try {
      const saved = await contentApi.restore(articleId, version, history.currentVersion, note);
      setShown(null);
      setNote('');
      setStatus({ ok: true, text: t('content.history.restored', { version, next: saved.version }) });
      await load();
      await onRestored(version, saved.version);
    } catch (e) {
      const stale = e instanceof ApiError && e.code === 'KNOWLEDGE_STALE_VERSION';
      setStatus({ ok: false, text: stale ? t('content.history.stale') : describeError(e, t), stale });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="article-history" aria-labelledby={headingId} data-testid="article-history">
      <h2 id={headingId}>{t('content.history.title')}</h2>
      <p className="muted small">{t('content.history.intro')}</p>
      <p className={status?.ok ? 'form-ok' : 'form-error'} role="status" data-testid="history-status">
        {status?.text ?? ''}
        {status?.stale && (
          <>
            {' '}
            <button
              type="button"
              data-testid="history-reload"
              onClick={() => {
                setStatus(null);
                setShown(null);
                void load();
              }}
            >
              {t('content.article.reload')}
            </button>
          </>
        )}
      </p>
      {history?.versions.length === 0 && <p>{t('content.history.empty')}</p>}
      {history && history.versions.length > 0 && (
        <table className="history-table" data-testid="history-table">
          <thead>
            <tr>
              <th scope="col">{t('content.history.version')}</th>
              <th scope="col">{t('content.history.date')}</th>
              <th scope="col">{t('content.history.by')}</th>
              <th scope="col">{t('content.history.note')}</th>
              <th scope="col">{t('content.history.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {history.versions.map((v) => {
              const current = v.version === history.currentVersion;
              return (
                <tr key={v.version} data-testid="history-item" data-version={v.version} aria-current={current ? 'true' : undefined}>
                  <th scope="row">
                    {v.version}
                    {current && <span className="history-current">{t('content.history.current')}</span>}
                  </th>
                  <td>{dateTime(v.savedAt)}</td>
                  <td data-testid="history-author">{v.savedBy?.name ?? t('content.history.unknownAuthor')}</td>
                  <td data-testid="history-note">
                    {v.note ?? ''}
                    {v.restoredFrom !== null && <span className="muted small"> ({t('content.history.restoredFrom', { version: v.restoredFrom })})</span>}
                  </td>
                  <td>
                    <div className="history-actions">
                    <button type="button" data-testid="history-view" aria-label={`${t('content.history.view')} ${t('content.article.version', { version: v.version })}`} onClick={() => view(v.version)}>
                      {t('content.history.view')}
                    </button>
                    {!current && (
                      <>
                        <button type="button" data-testid="history-compare" aria-label={`${t('content.history.compare')}: ${t('content.article.version', { version: v.version })}`} onClick={() => compare(v.version)}>
                          {t('content.history.compare')}
                        </button>
                        <button
                          type="button"
                          data-testid="history-restore"
                          aria-label={`${t('content.history.restore')}: ${t('content.article.version', { version: v.version })}`}
                          onClick={() => {
                            setStatus(null);
                            setShown({ kind: 'confirm', version: v.version });
                          }}
                        >
                          {t('content.history.restore')}
                        </button>
                      </>
                    )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown?.kind === 'confirm' && history && (
        <div className="history-confirm" role="group" aria-label={t('content.history.restore')} data-testid="history-confirm">
          <p>{t('content.history.confirm', { version: shown.version, next: history.currentVersion + 1 })}</p>
          <label htmlFor={noteId}>{t('content.history.restoreNote')}</label>
          <input id={noteId} data-testid="history-restore-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="button-row">
            <button type="button" className="button-primary" data-testid="history-confirm-restore" disabled={busy} onClick={() => void restore(shown.version)}>
              {t('content.history.confirmRestore', { version: shown.version })}
            </button>
            <button type="button" data-testid="history-cancel" onClick={() => setShown(null)}>
              {t('content.history.cancel')}
            </button>
          </div>
        </div>
      )}
      {shown?.kind === 'view' && <VersionView line={line} version={shown.version} onClose={() => setShown(null)} />}
      {shown?.kind === 'diff' && <DiffView line={line} from={shown.from} to={shown.to} diff={shown.diff} onClose={() => setShown(null)} />}
    </section>
  );
}

function VersionView({ line, version, onClose }: { line: ContentLine; version: ArticleVersionView; onClose: () => void }) {
  const { t, dateTime, pick } = useI18n();
  const headingId = useId();
  return (
    <article className="history-detail" aria-labelledby={headingId} data-testid="history-version" data-version={version.version}>
      <h3 id={headingId}>{t('content.history.viewTitle', { version: version.version })}</h3>
      <p className="muted small">
        {dateTime(version.savedAt)} · {version.savedBy?.name ?? t('content.history.unknownAuthor')}
        {version.note ? ` · ${version.note}` : ''}
      </p>
      <dl className="history-fields">
        <dt>{t('content.history.field.title')}</dt>
        <dd data-testid="history-version-title">{version.title}</dd>
        <dt>{t('content.history.field.visibility')}</dt>
        <dd>{t(`content.history.visibility.${version.visibility}`)}</dd>
        <dt>{t('content.history.field.topic')}</dt>
        <dd>{topicLabel(line, version.subtopicId ? `${version.topicId} / ${version.subtopicId}` : version.topicId, pick)}</dd>
        <dt>{t('content.history.field.tags')}</dt>
        <dd>{version.tags.join(', ')}</dd>
        <dt>{t('content.history.field.body')}</dt>
        <dd className="history-body" data-testid="history-version-body">
          {version.body}
        </dd>
        {version.warnings.length > 0 && (
          <>
            <dt>{t('content.history.field.warnings')}</dt>
            <dd>{version.warnings.join('\n')}</dd>
          </>
        )}
        {version.steps.length > 0 && (
          <>
            <dt>{t('content.history.field.steps')}</dt>
            <dd>
              <ol>
                {version.steps.map((s, i) => (
                  <li key={i}>
                    <strong>{s.title}</strong> — {s.body}
                  </li>
                ))}
              </ol>
            </dd>
          </>
        )}
      </dl>
      <button type="button" data-testid="history-close" onClick={onClose}>
        {t('content.history.close')}
      </button>
    </article>
  );
}

/** Added and removed lines carry a sign, a spoken word and an <ins>/<del> element, not only a colour. */
function DiffView({ line, from, to, diff, onClose }: { line: ContentLine; from: number; to: number; diff: ArticleDiff; onClose: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const changed = diff.fields.filter((f) => f.changed);
  const unchanged = diff.fields.filter((f) => !f.changed).map((f) => t(`content.history.field.${f.field}` as MessageKey));
  return (
    <article className="history-detail" aria-labelledby={headingId} data-testid="history-diff" data-from={from} data-to={to}>
      <h3 id={headingId}>{t('content.history.diffTitle', { from, to })}</h3>
      {changed.length === 0 ? <p data-testid="history-no-diff">{t('content.history.noDifferences')}</p> : <p className="muted small">{t('content.history.legend')}</p>}
      {changed.map((f) => (
        <section key={f.field} className="diff-field" data-testid="diff-field" data-field={f.field}>
          <h4>{t(`content.history.field.${f.field}` as MessageKey)}</h4>
          <ul className="diff-lines">
            {f.lines.map((l, i) => (
              <DiffRow key={i} line={line} field={f} diffLine={l} />
            ))}
          </ul>
        </section>
      ))}
      {unchanged.length > 0 && <p className="muted small">{t('content.history.unchanged', { fields: unchanged.join(', ') })}</p>}
      <button type="button" data-testid="history-close" onClick={onClose}>
        {t('content.history.close')}
      </button>
    </article>
  );
}

function DiffRow({ line, field, diffLine }: { line: ContentLine; field: FieldDiff; diffLine: DiffLine }) {
  const { t, pick } = useI18n();
  const text = shownText(line, field.field, diffLine, t, pick);
  const prefix = diffLine.step !== undefined ? `${t('content.steps.step', { number: diffLine.step })} · ${partLabel(diffLine, t)}: ` : '';
  if (diffLine.op === 'same') {
    return (
      <li className="diff-line same" data-testid="diff-line" data-op="same">
        <span aria-hidden="true" className="diff-sign">
          {' '}
        </span>
        {prefix}
        {text}
      </li>
    );
  }
  const added = diffLine.op === 'added';
  const Mark = added ? 'ins' : 'del';
  return (
    <li className={`diff-line ${diffLine.op}`} data-testid="diff-line" data-op={diffLine.op}>
      <span aria-hidden="true" className="diff-sign">
        {added ? '+' : '−'}
      </span>
      <span className="visually-hidden">{added ? t('content.history.added') : t('content.history.removed')}: </span>
      <Mark>
        {prefix}
        {text}
      </Mark>
    </li>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];
type Pick = ReturnType<typeof useI18n>['pick'];

function partLabel(l: DiffLine, t: Translate): string {
  const keys: Record<NonNullable<DiffLine['part']>, MessageKey> = {
    title: 'content.steps.stepTitle',
    body: 'content.steps.body',
    screen: 'content.steps.screen',
    tip: 'content.steps.tip',
    warning: 'content.steps.warning',
  };
  return l.part ? t(keys[l.part]) : '';
}

/** Visibility and topic are shown as the words the editor uses, the rest as written. */
function shownText(line: ContentLine, field: FieldDiff['field'], l: DiffLine, t: Translate, pick: Pick): string {
  if (field === 'visibility' && (l.text === 'public' || l.text === 'internal')) return t(`content.history.visibility.${l.text}`);
  if (field === 'topic') return topicLabel(line, l.text, pick);
  return l.text;
}

function topicLabel(line: ContentLine, text: string, pick: Pick): string {
  const [topicId, subtopicId] = text.split(' / ');
  const topic = line.taxonomy.find((x) => x.id === topicId);
  const topicName = (topic && pick(topic.label)) || topicId || text;
  if (!subtopicId) return topicName;
  const sub = topic?.subtopics.find((s) => s.id === subtopicId);
  return `${topicName} / ${(sub && pick(sub.label)) || subtopicId}`;
}
