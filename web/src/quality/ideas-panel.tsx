import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useNotices } from '../shell/notice-bar.js';
import { IDEA_STATUSES, ideasApi, type Idea, type IdeaStatus, type Roundtable } from './quality-api.js';

/**
 * The ideas board: propose, support (one vote each, not your own), and for managers a status
 * with a reply per idea and the notes of the monthly round table linked to the ideas discussed.
 */
export function IdeasPanel({ manager }: { manager: boolean }) {
  const { t } = useI18n();
  const { showError } = useNotices();
  const [ideas, setIdeas] = useState<Idea[] | null>(null);
  const [tables, setTables] = useState<Roundtable[]>([]);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    ideasApi.list().then((r) => setIdeas(r.ideas), showError);
    ideasApi.roundtables().then((r) => setTables(r.roundtables), showError);
  }, [showError]);
  useEffect(load, [load]);

  const replace = (idea: Idea) => setIdeas((list) => list?.map((x) => (x.id === idea.id ? idea : x)) ?? list);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const idea = await ideasApi.submit(title, body);
      setIdeas((list) => [idea, ...(list ?? [])]);
      setTitle('');
      setBody('');
    } catch (error) {
      showError(error);
    }
  };
  const toggleSupport = async (idea: Idea) => {
    try {
      replace(await (idea.supportedByMe ? ideasApi.withdraw(idea.id) : ideasApi.support(idea.id)));
    } catch (error) {
      showError(error);
    }
  };
  const move = async (idea: Idea, status: IdeaStatus, reply: string) => {
    setNotice(null);
    try {
      replace(await ideasApi.move(idea.id, { version: idea.version, status, reply: reply.trim() || null }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CHANGED_MEANWHILE') {
        setNotice(t('quality.version'));
        load();
      } else showError(error);
    }
  };

  return (
    <div className="ideas" data-testid="ideas">
      <form className="card idea-form" onSubmit={(e) => void submit(e)} aria-labelledby="idea-new-title">
        <h2 id="idea-new-title">{t('ideas.new')}</h2>
        <label>
          {t('ideas.titleLabel')}
          <input data-testid="idea-title" required minLength={3} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('ideas.body')}
          <textarea data-testid="idea-body" rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <button type="submit" className="button-primary" data-testid="idea-submit" disabled={title.trim().length < 3}>
          {t('ideas.submit')}
        </button>
      </form>
      <p role="status" className="quality-notice">
        {notice}
      </p>
      {ideas === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : ideas.length === 0 ? (
        <p className="muted">{t('ideas.none')}</p>
      ) : (
        <ul className="card-list">
          {ideas.map((idea) => (
            <IdeaCard key={`${idea.id}:${idea.version}`} idea={idea} manager={manager} onSupport={() => void toggleSupport(idea)} onMove={(s, r) => void move(idea, s, r)} />
          ))}
        </ul>
      )}
      <Roundtables tables={tables} ideas={ideas ?? []} manager={manager} onAdded={(table) => setTables((list) => [table, ...list])} />
    </div>
  );
}

function IdeaCard({ idea, manager, onSupport, onMove }: { idea: Idea; manager: boolean; onSupport: () => void; onMove: (status: IdeaStatus, reply: string) => void }) {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState<IdeaStatus>(idea.status);
  const [reply, setReply] = useState(idea.reply ?? '');
  const open = idea.status === 'new' || idea.status === 'under_review';
  const id = `idea-${idea.id}`;
  return (
    <li className="card" data-testid="idea-item" data-idea-id={idea.id} data-status={idea.status} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {idea.title}{' '}
        <span className={`badge badge-${idea.status}`} data-testid="idea-status">
          {t(`ideas.status.${idea.status}`)}
        </span>
      </h3>
      <p className="item-sub">
        {t('ideas.by', { name: idea.author.name })} · {dateTime(idea.createdAt)}
      </p>
      {idea.body && <p className="pre-wrap">{idea.body}</p>}
      <p className="idea-votes">
        <span data-testid="idea-votes" data-count={idea.votes}>
          {t('ideas.votes', { count: idea.votes })}
        </span>{' '}
        {!idea.mine && open && (
          <button type="button" data-testid="idea-support" aria-pressed={idea.supportedByMe} aria-label={t('ideas.supportLabel', { title: idea.title })} onClick={onSupport}>
            {idea.supportedByMe ? t('ideas.supported') : t('ideas.support')}
          </button>
        )}
      </p>
      {idea.reply && (
        <blockquote data-testid="idea-reply">
          <span className="item-sub">{t('ideas.replyBy', { name: idea.repliedBy ?? '' })}</span>
          <br />
          {idea.reply}
        </blockquote>
      )}
      {manager && idea.status !== 'done' && (
        <form
          className="idea-move"
          onSubmit={(e) => {
            e.preventDefault();
            onMove(status, reply);
          }}
        >
          <label>
            {t('ideas.move')}
            <select data-testid="idea-move-status" value={status} onChange={(e) => setStatus(e.target.value as IdeaStatus)}>
              {IDEA_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`ideas.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('ideas.reply')}
            <textarea data-testid="idea-move-reply" rows={2} value={reply} onChange={(e) => setReply(e.target.value)} />
          </label>
          <button type="submit" data-testid="idea-move-save">
            {t('ideas.save')}
          </button>
        </form>
      )}
    </li>
  );
}

function Roundtables({ tables, ideas, manager, onAdded }: { tables: Roundtable[]; ideas: Idea[]; manager: boolean; onAdded: (table: Roundtable) => void }) {
  const { t } = useI18n();
  const { showError } = useNotices();
  const [heldOn, setHeldOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [notes, setNotes] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onAdded(await ideasApi.addRoundtable(heldOn, notes, [...chosen]));
      setNotes('');
      setChosen(new Set());
    } catch (error) {
      showError(error);
    }
  };
  return (
    <section className="roundtables" aria-labelledby="roundtables-title" data-testid="roundtables">
      <h2 id="roundtables-title">{t('ideas.roundtables')}</h2>
      {tables.length === 0 && <p className="muted">{t('ideas.roundtableNone')}</p>}
      <ul className="card-list">
        {tables.map((table) => (
          <li key={table.id} className="card" data-testid="roundtable-item">
            <h3>
              <time dateTime={table.heldOn}>{table.heldOn}</time> · {table.createdBy}
            </h3>
            <p className="pre-wrap">{table.notes}</p>
            {table.ideas.length > 0 && (
              <p>
                {t('ideas.discussed')}: {table.ideas.map((i) => `${i.title} (${t(`ideas.status.${i.status}`)})`).join(', ')}
              </p>
            )}
          </li>
        ))}
      </ul>
      {manager && (
        <form className="card roundtable-form" onSubmit={(e) => void save(e)} aria-labelledby="roundtable-new-title">
          <h3 id="roundtable-new-title">{t('ideas.roundtableNew')}</h3>
          <label>
            {t('ideas.heldOn')}
            <input type="date" data-testid="roundtable-date" required value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
          </label>
          <label>
            {t('ideas.notes')}
            <textarea data-testid="roundtable-notes" required rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </label>
          {ideas.length > 0 && (
            <fieldset>
              <legend>{t('ideas.discussed')}</legend>
              {ideas.map((idea) => (
                <label key={idea.id} className="checkbox">
                  <input
                    type="checkbox"
                    data-testid="roundtable-idea"
                    value={idea.id}
                    checked={chosen.has(idea.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(idea.id);
                      else next.delete(idea.id);
                      setChosen(next);
                    }}
                  />{' '}
                  {idea.title}
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" className="button-primary" data-testid="roundtable-save" disabled={!notes.trim()}>
            {t('ideas.roundtableSave')}
          </button>
        </form>
      )}
    </section>
  );
}
