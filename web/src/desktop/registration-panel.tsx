import { useEffect, useRef, useState } from 'react';
import type { Line, Registration } from '../api/api-types.js';
import { conversationApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useNotices } from '../shell/notice-bar.js';
import { PhaseSteps } from './phase-steps.js';
import { trackRegistrationSave } from './registration-saves.js';

const NOTES_DEBOUNCE_MS = 1200;

interface Props {
  conversationId: string;
  line: Line;
  registration: Registration;
  onChange: (registration: Registration) => void;
  /** A campaign call: its result (campaign screen) is the wrap-up code, so the line's codes are not offered. */
  campaignCall?: boolean;
}

/** Topics, phase, wrap-up code and notes, registered while the conversation runs. */
export function RegistrationPanel({ conversationId, line, registration, onChange, campaignCall = false }: Props) {
  const { t, pick } = useI18n();
  const { showError } = useNotices();
  const [topicId, setTopicId] = useState('');
  const [subtopicId, setSubtopicId] = useState('');
  const topic = line.taxonomy.find((x) => x.id === topicId);

  const run = (call: Promise<Registration>) => trackRegistrationSave(conversationId, call).then(onChange, showError);

  const topicLabel = (tId: string, sId: string | null) => {
    const tp = line.taxonomy.find((x) => x.id === tId);
    const sub = tp?.subtopics.find((s) => s.id === sId);
    return [tp ? pick(tp.label) : tId, sub ? pick(sub.label) : sId].filter(Boolean).join(' › ');
  };

  return (
    <section className="panel registration" aria-labelledby="registration-title" data-testid="registration-panel">
      <h2 id="registration-title">{t('registration.title')}</h2>

      <h3>{t('registration.topics')}</h3>
      <ul className="chips" data-testid="topic-list">
        {registration.topics.map((x) => (
          <li key={`${x.topicId}/${x.subtopicId ?? ''}`} className="chip" data-testid="topic-chip">
            {topicLabel(x.topicId, x.subtopicId)}
            <button
              type="button"
              className="chip-remove"
              data-testid="topic-remove"
              aria-label={t('registration.removeTopic', { topic: topicLabel(x.topicId, x.subtopicId) })}
              onClick={() => void run(conversationApi.removeTopic(conversationId, x.topicId, x.subtopicId))}
            >
              ×
            </button>
          </li>
        ))}
        {registration.topics.length === 0 && <li className="muted small">{t('registration.noTopics')}</li>}
      </ul>
      <div className="topic-add">
        <label>
          {t('registration.topic')}
          <select
            data-testid="topic-select"
            value={topicId}
            onChange={(e) => {
              setTopicId(e.target.value);
              setSubtopicId('');
            }}
          >
            <option value="">{t('registration.chooseTopic')}</option>
            {line.taxonomy.map((x) => (
              <option key={x.id} value={x.id}>
                {pick(x.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('registration.subtopic')}
          <select data-testid="subtopic-select" value={subtopicId} onChange={(e) => setSubtopicId(e.target.value)} disabled={!topic || topic.subtopics.length === 0}>
            <option value="">{t('registration.noSubtopic')}</option>
            {topic?.subtopics.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(s.label)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="topic-add"
          disabled={!topicId}
          onClick={() => {
            void run(conversationApi.addTopic(conversationId, topicId, subtopicId || null)).then(() => {
              setTopicId('');
              setSubtopicId('');
            });
          }}
        >
          {t('registration.addTopic')}
        </button>
      </div>

      {line.phases.length > 0 && (
        <PhaseSteps phases={line.phases} current={registration.phaseId} disabled={false} onSelect={(id) => void run(conversationApi.setPhase(conversationId, id))} />
      )}

      {campaignCall && (
        <p className="muted small" data-testid="registration-campaign-wrap-up">
          {t('registration.campaignWrapUp')}
        </p>
      )}
      {!campaignCall && line.wrapUpCodes.length > 0 && (
        <label className="block">
          {t('registration.wrapUp')}
          <select
            data-testid="wrapup-select"
            value={registration.wrapUpCode ?? ''}
            onChange={(e) => e.target.value && void run(conversationApi.setWrapUp(conversationId, e.target.value))}
          >
            <option value="">{t('registration.chooseWrapUp')}</option>
            {line.wrapUpCodes.map((w) => (
              <option key={w.id} value={w.id}>
                {pick(w.label)}
              </option>
            ))}
          </select>
        </label>
      )}

      <NotesField conversationId={conversationId} saved={registration.notes} onSaved={onChange} />
    </section>
  );
}

/** Notes save themselves a moment after typing stops, and on leaving the field. */
function NotesField({ conversationId, saved, onSaved }: { conversationId: string; saved: string; onSaved: (r: Registration) => void }) {
  const { t } = useI18n();
  const { showError } = useNotices();
  const [value, setValue] = useState(saved);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The panel is keyed by conversation, so this instance only ever saves into its own conversation.
  const latest = useRef({ value, saved });
  latest.current = { value, saved };

  const save = () => {
    clearTimeout(timer.current);
    const { value: v, saved: s } = latest.current;
    if (v === s) return;
    setState('saving');
    conversationApi.setNotes(conversationId, v).then(
      (r) => {
        onSaved(r);
        setState('saved');
      },
      (e: unknown) => {
        setState('idle');
        showError(e);
      },
    );
  };
  // Leaving the conversation (switching, closing, transferring) saves what was typed.
  useEffect(() => () => save(), []);

  return (
    <label className="block">
      {t('registration.notes')}
      <textarea
        data-testid="notes-input"
        rows={4}
        maxLength={10_000}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setState('idle');
          clearTimeout(timer.current);
          timer.current = setTimeout(save, NOTES_DEBOUNCE_MS);
        }}
        onBlur={save}
      />
      <span className="small muted" aria-live="polite" data-testid="notes-state">
        {state === 'saving' ? t('registration.saving') : state === 'saved' ? t('registration.saved') : ''}
      </span>
    </label>
  );
}
