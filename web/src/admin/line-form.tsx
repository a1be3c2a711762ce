import { useState, type FormEvent } from 'react';
import { CHANNELS, LANGUAGES, type Channel, type Language, type Line, type Queue, type Topic } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FormActions } from './form-actions.js';
import { describeError } from '../shell/error-message.js';
import { adminApi, type LineInput } from './admin-api.js';
import { CheckboxGroup } from './checkbox-group.js';
import { LabelledListEditor } from './labelled-list-editor.js';
import { LineChannelsEditor } from './line-channels-editor.js';
import { LineVoiceEditor } from './line-voice-editor.js';
import { OpeningHoursEditor } from './opening-hours-editor.js';

const DEFAULT_PHASES = [
  { id: 'contact', label: { nl: 'Contact maken', fr: 'Prise de contact', en: 'Make contact' } },
  { id: 'explore', label: { nl: 'Situatie verkennen', fr: 'Explorer la situation', en: 'Explore the situation' } },
  { id: 'goal', label: { nl: 'Doel bepalen', fr: "Fixer l'objectif", en: 'Set the goal' } },
  { id: 'work', label: { nl: 'Doel uitwerken', fr: "Travailler l'objectif", en: 'Work out the goal' } },
  { id: 'close', label: { nl: 'Afsluiten', fr: 'Clôturer', en: 'Close' } },
];

export function emptyLine(): LineInput {
  return {
    clientId: '',
    name: '',
    channels: ['chat'],
    languages: ['nl'],
    anonymous: false,
    openingHours: null,
    taxonomy: [],
    phases: DEFAULT_PHASES,
    wrapUpCodes: [],
    defaultQueueId: '',
    topicQueues: {},
    hideAgentHandleTime: false,
  };
}

export function LineForm({ line, queues, onSaved, onCancel }: { line: Line | null; queues: Queue[]; onSaved: (l: Line) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<LineInput>(() => (line ? stripId(line) : emptyLine()));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof LineInput>(key: K, value: LineInput[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const ownQueues = line ? queues.filter((q) => q.lineId === line.id) : queues;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const { clientId, ...rest } = draft;
      // An empty client id is "none", which the API expresses by leaving the field out.
      onSaved(await adminApi.saveLine(clientId?.trim() ? { ...rest, clientId: clientId.trim() } : rest, line?.id ?? null));
    } catch (err) {
      setError(describeError(err, t));
    }
  }

  return (
    <form className="admin-form" data-testid="line-form" onSubmit={(e) => void submit(e)}>
      <h2>{line ? t('admin.editLine', { name: line.name }) : t('admin.newLine')}</h2>
      <label className="block">
        {t('admin.name')}
        <input data-testid="line-name" required value={draft.name} onChange={(e) => set('name', e.target.value)} />
      </label>
      <label className="block">
        {t('admin.client')}
        <input data-testid="line-client" value={draft.clientId ?? ''} onChange={(e) => set('clientId', e.target.value)} />
      </label>
      <CheckboxGroup legend={t('admin.languages')} options={LANGUAGES} selected={draft.languages} onChange={(v) => set('languages', v as Language[])} label={(l) => l.toUpperCase()} testId="line-language" />
      <CheckboxGroup legend={t('admin.channels')} options={CHANNELS} selected={draft.channels} onChange={(v) => set('channels', v as Channel[])} label={(c) => t(`channel.${c}`)} testId="line-channel" />
      <label className="checkbox">
        <input type="checkbox" data-testid="line-anonymous" checked={draft.anonymous} onChange={(e) => set('anonymous', e.target.checked)} />
        {t('admin.anonymous')}
      </label>
      <label className="checkbox">
        <input type="checkbox" data-testid="line-hide-aht" checked={draft.hideAgentHandleTime} onChange={(e) => set('hideAgentHandleTime', e.target.checked)} />
        {t('admin.hideHandleTime')}
      </label>
      <label className="block">
        {t('admin.defaultQueue')}
        <select data-testid="line-default-queue" value={draft.defaultQueueId} onChange={(e) => set('defaultQueueId', e.target.value)}>
          <option value="">–</option>
          {ownQueues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
      </label>
      <LineChannelsEditor email={draft.email} whatsapp={draft.whatsapp} onEmail={(v) => set('email', v)} onWhatsApp={(v) => set('whatsapp', v)} />
      <LineVoiceEditor value={draft.voice} tokenSet={line?.voice?.authToken === 'set'} onChange={(v) => set('voice', v)} />
      <OpeningHoursEditor value={draft.openingHours} onChange={(v) => set('openingHours', v)} />
      <LabelledListEditor<Topic> title={t('admin.taxonomy')} items={draft.taxonomy} onChange={(v) => set('taxonomy', v)} make={(i) => ({ ...i, subtopics: [] })} testId="line-topic">
        {(topic, update) => (
          <LabelledListEditor title={t('admin.subtopics')} items={topic.subtopics} onChange={(subtopics) => update({ ...topic, subtopics })} make={(i) => i} testId="line-subtopic" />
        )}
      </LabelledListEditor>
      <LabelledListEditor title={t('admin.phases')} items={draft.phases} onChange={(v) => set('phases', v)} make={(i) => i} testId="line-phase" />
      <LabelledListEditor title={t('admin.wrapUpCodes')} items={draft.wrapUpCodes} onChange={(v) => set('wrapUpCodes', v)} make={(i) => i} testId="line-wrapup" />
      <FormActions error={error} saveTestId="line-save" onCancel={onCancel} sticky />
    </form>
  );
}

function stripId(line: Line): LineInput {
  const { id: _id, voice, ...rest } = line as Line & { tenantId?: string };
  const { tenantId: _tenant, ...input } = rest as Omit<LineInput, 'voice'> & { tenantId?: string };
  // The admin API shows the voice token only as "set": the form sends no token, so the stored one is kept.
  return voice ? { ...input, voice: { accountSid: voice.accountSid, callerId: voice.callerId } } : input;
}
