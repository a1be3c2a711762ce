import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/dictionaries.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { ivrApi, type IvrProblem, type LineIvr } from './ivr-api.js';
import { addNode, asFormFlow, IVR_LANGUAGES, IVR_NODE_TYPES, problemsByNode, toggleFlowLanguage, type FormFlow, type IvrFormNodeType } from './ivr-form-state.js';
import { IvrNodeForm } from './ivr-node-form.js';
import { ivrProblemText } from './ivr-problem-text.js';

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };
function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** How long typing may pause before the flow is checked by the server. */
const VALIDATE_DEBOUNCE_MS = 400;

/**
 * A line's IVR flow: built through forms (a list of nodes, each with a form for its type) or, as an
 * advanced option, edited as JSON. Both views edit the same JSON text, so they stay in sync; the
 * server checks every change (debounced) and save waits until no problem is left.
 */
export function IvrEditor(props: { lineId: string; lineName: string; onCancel: () => void }) {
  const { t, dateTime } = useI18n();
  const [loaded, setLoaded] = useState<LineIvr | null>(null);
  const [text, setText] = useState('');
  const [advanced, setAdvanced] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [problems, setProblems] = useState<IvrProblem[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newType, setNewType] = useState<IvrFormNodeType>('message');
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const checkedText = useRef<string | null>(null);

  useEffect(() => {
    ivrApi.get(props.lineId).then(
      (ivr) => {
        setLoaded(ivr);
        setText(JSON.stringify(ivr.flow, null, 2));
        const flow = asFormFlow(ivr.flow);
        setSelected(flow.start in flow.nodes ? flow.start : (Object.keys(flow.nodes)[0] ?? null));
      },
      (e: unknown) => setError(describeError(e, t)),
    );
  }, [props.lineId]);

  const parsed = parseJson(text);

  // Live validation: each change is checked once typing pauses; an answer for older text is dropped.
  useEffect(() => {
    if (!loaded) return;
    if (!parsed.ok) {
      setProblems([{ path: 'JSON', code: 'json_invalid', params: { detail: parsed.message }, message: parsed.message }]);
      setChecking(false);
      return;
    }
    setChecking(true);
    const checked = text;
    const timer = setTimeout(() => {
      ivrApi.validate(props.lineId, parsed.value).then(
        (result) => {
          if (checked !== checkedText.current) return;
          setProblems(result.problems);
          setChecking(false);
        },
        (e: unknown) => {
          if (checked !== checkedText.current) return;
          setError(describeError(e, t));
          setChecking(false);
        },
      );
    }, VALIDATE_DEBOUNCE_MS);
    checkedText.current = checked;
    return () => clearTimeout(timer);
  }, [text, loaded]);

  const flow: FormFlow | null = parsed.ok ? asFormFlow(parsed.value) : null;
  const edit = (next: FormFlow) => {
    setText(JSON.stringify(next, null, 2));
    setStatus(null);
  };
  const located = problemsByNode(problems ?? []);
  const canSave = !checking && problems !== null && problems.length === 0 && parsed.ok;

  const save = async () => {
    if (!canSave || !parsed.ok) return;
    setError(null);
    try {
      const saved = await ivrApi.save(props.lineId, parsed.value);
      setLoaded(saved);
      setStatus(t('ivr.saved'));
    } catch (e) {
      setError(describeError(e, t));
    }
  };

  const visibleNode = flow && selected !== null && selected in flow.nodes ? selected : null;
  return (
    <section className="ivr-editor" aria-labelledby="ivr-editor-title" data-testid="ivr-editor">
      <h2 id="ivr-editor-title">{t('ivr.title', { name: props.lineName })}</h2>
      {loaded && (
        <p className="item-sub" data-testid="ivr-origin">
          {loaded.isDefault ? t('ivr.default') : t('ivr.savedAt', { time: loaded.updatedAt ? dateTime(loaded.updatedAt) : '' })}
        </p>
      )}
      <p className="muted">{t('ivr.help')}</p>
      <label className="inline">
        <input type="checkbox" data-testid="ivr-advanced" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} />
        {t('ivr.form.advanced')}
      </label>

      {advanced && (
        <>
          <label htmlFor="ivr-json">{t('ivr.json')}</label>
          <textarea
            id="ivr-json"
            className="ivr-json"
            data-testid="ivr-json"
            spellCheck={false}
            rows={18}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setStatus(null);
            }}
          />
        </>
      )}

      {!flow && <p className="form-error">{t('ivr.notJson')}</p>}
      {flow && loaded && (
        <div className="ivr-form">
          <div className="ivr-flow-settings">
            <div className="ivr-field">
              <label htmlFor="ivr-start">{t('ivr.form.start')}</label>
              <select id="ivr-start" data-testid="ivr-start" value={flow.start} onChange={(e) => edit({ ...flow, start: e.target.value })}>
                {!(flow.start in flow.nodes) && <option value={flow.start}>{t('ivr.form.choose')}</option>}
                {Object.keys(flow.nodes).map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="ivr-field" data-testid="ivr-languages">
              <legend>{t('ivr.form.flowLanguages')}</legend>
              {IVR_LANGUAGES.filter((l) => loaded.languages.includes(l) || flow.languages.includes(l)).map((l) => (
                <label key={l} className="inline">
                  <input type="checkbox" data-testid={`ivr-language-${l}`} checked={flow.languages.includes(l)} onChange={(e) => edit(toggleFlowLanguage(flow, l, e.target.checked))} />
                  {t(`ivr.language.${l}` as MessageKey)}
                </label>
              ))}
            </fieldset>
            <div className="ivr-field">
              <label htmlFor="ivr-default-language">{t('ivr.form.defaultLanguage')}</label>
              <select id="ivr-default-language" data-testid="ivr-default-language" value={flow.defaultLanguage} onChange={(e) => edit({ ...flow, defaultLanguage: e.target.value })}>
                {flow.languages.map((l) => (
                  <option key={l} value={l}>
                    {t(`ivr.language.${l}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="ivr-form-columns">
            <nav aria-label={t('ivr.nodes')} className="ivr-node-nav">
              <h3>{t('ivr.nodes')}</h3>
              {Object.keys(flow.nodes).length === 0 ? (
                <p data-testid="ivr-node-list-empty">{t('ivr.noNodes')}</p>
              ) : (
                <ol className="ivr-nodes" data-testid="ivr-node-list">
                  {Object.entries(flow.nodes).map(([id, node]) => {
                    const count = located.filter((p) => p.nodeId === id).length;
                    const type = (IVR_NODE_TYPES as readonly string[]).includes(node.type) ? node.type : 'unknown';
                    return (
                      <li key={id} data-testid="ivr-node" data-node={id}>
                        <button type="button" className="link-button" aria-current={visibleNode === id ? 'true' : undefined} data-testid="ivr-node-select" onClick={() => {
                            setSelected(id);
                            setJustAdded(null);
                          }}>
                          <span className="ivr-node-id">{id}</span> <span className="ivr-node-type">{t(`ivr.type.${type}` as MessageKey)}</span>
                          {flow.start === id && <> <span className="badge">{t('ivr.start')}</span></>}
                          {count > 0 && (
                            <span className="form-error" data-testid="ivr-node-problem-count">
                              {' '}
                              {t('ivr.problems.short', { count })}
                            </span>
                          )}
                        </button>
                      </li>
                    );
                  })}
                </ol>
              )}
              <div className="ivr-add-node">
                <label htmlFor="ivr-add-type">{t('ivr.form.addType')}</label>
                <select id="ivr-add-type" data-testid="ivr-add-type" value={newType} onChange={(e) => setNewType(e.target.value as IvrFormNodeType)}>
                  {IVR_NODE_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`ivr.type.${type}` as MessageKey)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  data-testid="ivr-add-node"
                  onClick={() => {
                    const added = addNode(flow, newType);
                    edit(added.flow);
                    setSelected(added.id);
                    setJustAdded(added.id);
                  }}
                >
                  {t('ivr.form.add')}
                </button>
              </div>
            </nav>
            {visibleNode !== null && (
              <IvrNodeForm
                flow={flow}
                nodeId={visibleNode}
                queues={loaded.queues}
                problems={located.filter((p) => p.nodeId === visibleNode)}
                onChange={edit}
                onSelect={setSelected}
                justAdded={justAdded === visibleNode}
              />
            )}
          </div>
        </div>
      )}

      <div role="status" aria-live="polite" data-testid="ivr-check">
        {checking ? t('ivr.form.checking') : problems && problems.length === 0 ? t('ivr.valid') : ''}
      </div>
      <div aria-live="polite">
        {problems && problems.length > 0 && (
          <div className="form-error" data-testid="ivr-problems">
            <p>{t('ivr.problems', { count: problems.length })}</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code>: {ivrProblemText(p, t)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="ivr-error">
          {error}
        </p>
      )}
      <p className="form-ok" role="status" data-testid="ivr-status">
        {status ?? ''}
      </p>
      <div className="button-row">
        <button type="button" className="button-primary" disabled={!canSave} onClick={() => void save()} data-testid="ivr-save">
          {t('common.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
