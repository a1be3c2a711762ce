import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/dictionaries.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ivrProblemText } from './ivr-problem-text.js';
import {
  choiceRows,
  deleteNode,
  nextFreeKey,
  referencesTo,
  renameNode,
  setChoiceRows,
  updateNodeField,
  updatePromptText,
  type FormFlow,
  type FormNode,
  type NodeProblem,
} from './ivr-form-state.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

interface NodeFormProps {
  flow: FormFlow;
  nodeId: string;
  queues: Array<{ id: string; name: string }>;
  problems: NodeProblem[];
  onChange: (flow: FormFlow) => void;
  /** After a rename or delete, the node to show next. */
  onSelect: (id: string | null) => void;
  /** True right after the node was added: its id field takes the focus. */
  justAdded?: boolean;
}

/** Problems of one field, next to it; the id lets the input point at them with aria-describedby. */
function FieldProblems(props: { id: string; problems: NodeProblem[] }) {
  const { t } = useI18n();
  if (props.problems.length === 0) return null;
  return (
    <ul id={props.id} className="form-error ivr-field-problems" data-testid="ivr-field-problems">
      {props.problems.map((p, i) => (
        <li key={i}>{ivrProblemText(p, t)}</li>
      ))}
    </ul>
  );
}

/** One node of the flow as a form that fits its type. */
export function IvrNodeForm(props: NodeFormProps) {
  const { t } = useI18n();
  const { flow, nodeId, onChange } = props;
  const node = flow.nodes[nodeId] as FormNode;
  const base = `ivr-${nodeId}`;
  const fieldProblems = (field: string) => props.problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`));
  const described = (field: string) => (fieldProblems(field).length > 0 ? `${base}-${field}-problems` : undefined);
  const set = (field: string, value: unknown) => onChange(updateNodeField(flow, nodeId, field, value));

  const field = (name: string, control: (id: string) => ReactNode, optional = false) => (
    <div className="ivr-field" key={name}>
      <label htmlFor={`${base}-${name}`}>
        {t(`ivr.field.${name}` as MessageKey)}
        {optional ? ` ${t('ivr.form.optional')}` : ''}
      </label>
      {control(`${base}-${name}`)}
      <FieldProblems id={`${base}-${name}-problems`} problems={fieldProblems(name)} />
    </div>
  );

  const target = (name: string) =>
    field(name, (id) => (
      <select id={id} data-testid={`ivr-field-${name}`} value={typeof node[name] === 'string' ? (node[name] as string) : ''} aria-invalid={fieldProblems(name).length > 0} aria-describedby={described(name)} onChange={(e) => set(name, e.target.value)}>
        <option value="">{t('ivr.form.choose')}</option>
        {Object.keys(flow.nodes).map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    ));

  const number = (name: string, optional = false) =>
    field(
      name,
      (id) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          data-testid={`ivr-field-${name}`}
          value={typeof node[name] === 'number' ? String(node[name]) : ''}
          aria-invalid={fieldProblems(name).length > 0}
          aria-describedby={described(name)}
          onChange={(e) => set(name, e.target.value === '' ? undefined : Number(e.target.value))}
        />
      ),
      optional,
    );

  const text = (name: string, optional = false) =>
    field(
      name,
      (id) => (
        <input
          id={id}
          data-testid={`ivr-field-${name}`}
          value={typeof node[name] === 'string' ? (node[name] as string) : ''}
          aria-invalid={fieldProblems(name).length > 0}
          aria-describedby={described(name)}
          onChange={(e) => set(name, optional && e.target.value === '' ? undefined : e.target.value)}
        />
      ),
      optional,
    );

  const queue = (name: string) =>
    field(name, (id) => (
      <select id={id} data-testid={`ivr-field-${name}`} value={typeof node[name] === 'string' ? (node[name] as string) : ''} aria-invalid={fieldProblems(name).length > 0} aria-describedby={described(name)} onChange={(e) => set(name, e.target.value === '' ? undefined : e.target.value)}>
        <option value="">{t('ivr.form.defaultQueue')}</option>
        {props.queues.map((q) => (
          <option key={q.id} value={q.id}>
            {q.name}
          </option>
        ))}
      </select>
    ));

  const prompt = (name: string, optional = false) => {
    const value = node[name];
    const audio = value !== null && typeof value === 'object' && 'audio' in value;
    const texts = (value !== null && typeof value === 'object' && !audio ? value : {}) as Record<string, unknown>;
    return (
      <fieldset className="ivr-field ivr-prompt" key={name}>
        <legend>
          {t(`ivr.field.${name}` as MessageKey)}
          {optional ? ` ${t('ivr.form.optional')}` : ''}
        </legend>
        {audio ? (
          <p className="muted">{t('ivr.form.audio')}</p>
        ) : (
          flow.languages.map((l) => {
            const problems = fieldProblems(`${name}.${l}`).length > 0 || (fieldProblems(name).length > 0 && !texts[l]);
            return (
              <label key={l} className="inline">
                <span className="lang-tag">{l.toUpperCase()}</span>
                <input
                  data-testid={`ivr-field-${name}-${l}`}
                  value={typeof texts[l] === 'string' ? (texts[l] as string) : ''}
                  aria-invalid={problems}
                  aria-describedby={described(name)}
                  onChange={(e) => onChange(updatePromptText(flow, nodeId, name, l, e.target.value, optional))}
                />
              </label>
            );
          })
        )}
        <FieldProblems id={`${base}-${name}-problems`} problems={fieldProblems(name)} />
      </fieldset>
    );
  };

  const choices = (kind: 'node' | 'language') => {
    const rows = choiceRows(node);
    const setRows = (next: Array<{ key: string; target: string }>) => onChange(setChoiceRows(flow, nodeId, next));
    return (
      <fieldset className="ivr-field ivr-choices" key="choices" data-testid="ivr-choices">
        <legend>{t('ivr.field.choices')}</legend>
        {rows.map((row, i) => (
          <div className="ivr-choice" key={i} data-testid="ivr-choice" data-key={row.key}>
            <label>
              {t('ivr.field.key')}
              <select data-testid="ivr-choice-key" value={row.key} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))}>
                {KEYS.filter((k) => k === row.key || !rows.some((r) => r.key === k)).map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {kind === 'node' ? t('ivr.field.target') : t('ivr.field.language')}
              <select
                data-testid="ivr-choice-target"
                value={row.target}
                aria-invalid={fieldProblems(`choices.${row.key}`).length > 0}
                aria-describedby={fieldProblems(`choices.${row.key}`).length > 0 ? `${base}-choices.${row.key}-problems` : undefined}
                onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, target: e.target.value } : r)))}
              >
                <option value="">{t('ivr.form.choose')}</option>
                {(kind === 'node' ? Object.keys(flow.nodes) : flow.languages).map((v) => (
                  <option key={v} value={v}>
                    {kind === 'node' ? v : v.toUpperCase()}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" data-testid="ivr-choice-remove" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('ivr.form.removeChoice', { key: row.key })}
            </button>
            <FieldProblems id={`${base}-choices.${row.key}-problems`} problems={fieldProblems(`choices.${row.key}`)} />
          </div>
        ))}
        <button type="button" data-testid="ivr-choice-add" onClick={() => setRows([...rows, { key: nextFreeKey(node), target: kind === 'node' ? '' : (flow.languages[0] ?? 'nl') }])}>
          {t('ivr.form.addChoice')}
        </button>
        <FieldProblems id={`${base}-choices-problems`} problems={props.problems.filter((p) => p.field === 'choices')} />
      </fieldset>
    );
  };

  const fields: ReactNode[] = [];
  switch (node.type) {
    case 'message':
      fields.push(prompt('prompt'), target('next'));
      break;
    case 'menu':
      fields.push(prompt('prompt'), choices('node'), number('timeoutSeconds'), number('maxRetries'), prompt('invalidPrompt', true), prompt('noInputPrompt', true), target('fallback'));
      break;
    case 'language':
      fields.push(prompt('prompt'), choices('language'), number('timeoutSeconds'), number('maxRetries'), target('next'));
      break;
    case 'hours':
      fields.push(target('open'), target('closed'));
      break;
    case 'collect':
      fields.push(
        prompt('prompt'),
        text('variable'),
        number('minLength'),
        number('maxLength'),
        field('finishOnKey', (id) => (
          <select id={id} data-testid="ivr-field-finishOnKey" value={typeof node.finishOnKey === 'string' ? node.finishOnKey : '#'} onChange={(e) => set('finishOnKey', e.target.value)}>
            <option value="#">#</option>
            <option value="*">*</option>
          </select>
        )),
        text('pattern', true),
        number('timeoutSeconds'),
        number('maxRetries'),
        prompt('invalidPrompt', true),
        target('next'),
        target('fallback'),
      );
      break;
    case 'set':
      fields.push(
        field(
          'skills',
          (id) => (
            <SkillsInput id={id} value={Array.isArray(node.skills) ? node.skills.map(String) : []} describedBy={described('skills')} onChange={(skills) => set('skills', skills.length > 0 ? skills : undefined)} />
          ),
          true,
        ),
        number('priority', true),
        target('next'),
      );
      break;
    case 'enqueue':
      fields.push(queue('queueId'), prompt('prompt', true));
      break;
    case 'voicemail':
      fields.push(prompt('prompt'), number('maxSeconds'), target('next'));
      break;
    case 'callback':
      fields.push(prompt('confirmation'), queue('queueId'), text('numberVariable', true), target('next'));
      break;
    case 'transfer':
      fields.push(text('number'), prompt('prompt', true), number('timeoutSeconds'));
      break;
    case 'hangup':
      fields.push(prompt('prompt', true));
      break;
    default:
      fields.push(<p key="unknown">{t('ivr.form.unknownType')}</p>);
  }

  const refs = referencesTo(flow, nodeId);
  const nodeLevel = props.problems.filter((p) => p.field === '' || p.field === 'type');
  return (
    <section className="ivr-node-form" aria-labelledby={`${base}-title`} data-testid="ivr-node-form" data-node={nodeId}>
      <h3 id={`${base}-title`}>
        {nodeId} · {t(`ivr.type.${['message', 'menu', 'language', 'hours', 'collect', 'set', 'enqueue', 'voicemail', 'callback', 'transfer', 'hangup'].includes(node.type) ? node.type : 'unknown'}` as MessageKey)}
      </h3>
      <FieldProblems id={`${base}-problems`} problems={nodeLevel} />
      <RenameField flow={flow} nodeId={nodeId} autoFocus={props.justAdded === true} onChange={onChange} onSelect={props.onSelect} />
      <p className="item-sub" data-testid="ivr-node-refs">
        {refs.length > 0 ? t('ivr.form.usedBy', { refs: refs.join(', ') }) : t('ivr.form.unused')}
      </p>
      {fields}
      <div className="button-row">
        <button
          type="button"
          className="button-danger"
          data-testid="ivr-node-delete"
          onClick={() => {
            const remaining = deleteNode(flow, nodeId);
            onChange(remaining);
            props.onSelect(remaining.start in remaining.nodes ? remaining.start : (Object.keys(remaining.nodes)[0] ?? null));
          }}
        >
          {t('ivr.form.delete', { id: nodeId })}
        </button>
      </div>
    </section>
  );
}

/** Skills as comma-separated text; the list is only rewritten when the text is left, so typing a comma works. */
function SkillsInput(props: { id: string; value: string[]; describedBy: string | undefined; onChange: (skills: string[]) => void }) {
  const [draft, setDraft] = useState(props.value.join(', '));
  useEffect(() => setDraft(props.value.join(', ')), [props.value.join(',')]);
  return (
    <input
      id={props.id}
      data-testid="ivr-field-skills"
      value={draft}
      aria-describedby={props.describedBy}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() =>
        props.onChange(
          draft
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        )
      }
    />
  );
}

/** The node's id; a rename (on leaving the field or Enter) updates every reference to it. */
function RenameField(props: { flow: FormFlow; nodeId: string; autoFocus: boolean; onChange: (flow: FormFlow) => void; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(props.nodeId);
  const [refused, setRefused] = useState<'invalid' | 'taken' | null>(null);
  // Kept mounted across nodes (so focus stays after a rename); the draft follows the node shown.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setDraft(props.nodeId);
    setRefused(null);
    if (props.autoFocus) input.current?.focus();
  }, [props.nodeId, props.autoFocus]);
  const apply = () => {
    const result = renameNode(props.flow, props.nodeId, draft.trim());
    if (!result.ok) {
      setRefused(result.reason);
      return;
    }
    setRefused(null);
    props.onChange(result.flow);
    props.onSelect(draft.trim());
  };
  const id = `ivr-${props.nodeId}-rename`;
  return (
    <div className="ivr-field">
      <label htmlFor={id}>{t('ivr.field.id')}</label>
      <input
        id={id}
        data-testid="ivr-node-id"
        ref={input}
        value={draft}
        aria-invalid={refused !== null}
        aria-describedby={refused ? `${id}-problems` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
      {refused && (
        <p id={`${id}-problems`} className="form-error" role="alert">
          {refused === 'taken' ? t('ivr.form.idTaken') : t('ivr.form.idInvalid')}
        </p>
      )}
    </div>
  );
}
