import { useState, type FormEvent } from 'react';
import { CHANNELS, LANGUAGES, ROLES, type Language, type Me, type Queue, type Role } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FormActions } from './form-actions.js';
import { describeError } from '../shell/error-message.js';
import { adminApi, type AgentInput } from './admin-api.js';
import { CheckboxGroup } from './checkbox-group.js';
import { splitList } from './opening-hours-editor.js';

export function AgentForm({ agent, queues, onSaved, onCancel }: { agent: Me | null; queues: Queue[]; onSaved: (a: Me) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AgentInput>(() =>
    agent
      ? { email: agent.email, name: agent.name, roles: agent.roles, skills: agent.skills, queueIds: agent.queueIds, capacity: agent.capacity, team: agent.team, uiLanguage: agent.uiLanguage }
      : { email: '', name: '', roles: ['agent'], skills: ['lang:nl'], queueIds: [], capacity: { voice: 1, chat: 3, email: 5, whatsapp: 3 }, team: null, uiLanguage: 'nl' },
  );
  const languages = LANGUAGES.filter((l) => draft.skills.includes(`lang:${l}`));
  const [otherSkills, setOtherSkills] = useState(draft.skills.filter((s) => !s.startsWith('lang:')).join(', '));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof AgentInput>(key: K, value: AgentInput[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const skills = [...languages.map((l) => `lang:${l}`), ...splitList(otherSkills)];
    try {
      onSaved(await adminApi.saveAgent({ ...draft, skills, ...(password ? { password } : {}) }, agent?.id ?? null));
    } catch (err) {
      setError(describeError(err, t));
    }
  }

  return (
    <form className="admin-form" data-testid="agent-form" onSubmit={(e) => void submit(e)}>
      <h2>{agent ? t('admin.editAgent', { name: agent.name }) : t('admin.newAgent')}</h2>
      <label className="block">
        {t('admin.name')}
        <input data-testid="agent-name" required value={draft.name} onChange={(e) => set('name', e.target.value)} />
      </label>
      <label className="block">
        {t('login.email')}
        <input type="email" data-testid="agent-email" required value={draft.email} onChange={(e) => set('email', e.target.value)} />
      </label>
      <label className="block">
        {agent ? t('admin.newPassword') : t('login.password')}
        <input type="password" autoComplete="new-password" data-testid="agent-password" required={!agent} value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <label className="block">
        {t('admin.team')}
        <input data-testid="agent-team" value={draft.team ?? ''} onChange={(e) => set('team', e.target.value || null)} />
      </label>
      <CheckboxGroup legend={t('admin.roles')} options={ROLES} selected={draft.roles} onChange={(v) => set('roles', v as Role[])} label={(r) => t(`role.${r}`)} testId="agent-role" />
      <CheckboxGroup
        legend={t('admin.languageSkills')}
        options={LANGUAGES}
        selected={languages}
        onChange={(v) => setDraft((d) => ({ ...d, skills: [...(v as Language[]).map((l) => `lang:${l}`), ...d.skills.filter((s) => !s.startsWith('lang:'))] }))}
        label={(l) => `lang:${l}`}
        testId="agent-lang"
      />
      <label className="block">
        {t('admin.skills')}
        <input data-testid="agent-skills" value={otherSkills} onChange={(e) => setOtherSkills(e.target.value)} />
      </label>
      <CheckboxGroup legend={t('admin.queues')} options={queues.map((q) => q.id)} selected={draft.queueIds} onChange={(v) => set('queueIds', v)} label={(id) => queues.find((q) => q.id === id)?.name ?? id} testId="agent-queue" />
      <fieldset>
        <legend>{t('admin.capacity')}</legend>
        <div className="field-row">
          {CHANNELS.map((c) => (
            <label key={c}>
              {t(`channel.${c}`)}
              <input
                type="number"
                min={0}
                max={50}
                data-testid={`agent-capacity-${c}`}
                value={draft.capacity[c]}
                onChange={(e) => set('capacity', { ...draft.capacity, [c]: Number(e.target.value) })}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block">
        {t('admin.uiLanguage')}
        <select data-testid="agent-ui-language" value={draft.uiLanguage} onChange={(e) => set('uiLanguage', e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <FormActions error={error} saveTestId="agent-save" onCancel={onCancel} />
    </form>
  );
}
