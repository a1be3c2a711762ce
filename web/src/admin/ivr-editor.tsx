import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { ivrApi, type IvrProblem, type LineIvr } from './ivr-api.js';
import { IvrNodeList } from './ivr-node-list.js';

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };
function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A line's IVR flow as JSON: check it, save it, and read it back as a list of nodes. */
export function IvrEditor(props: { lineId: string; lineName: string; onCancel: () => void }) {
  const { t, dateTime } = useI18n();
  const [loaded, setLoaded] = useState<LineIvr | null>(null);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<IvrProblem[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ivrApi.get(props.lineId).then(
      (ivr) => {
        setLoaded(ivr);
        setText(JSON.stringify(ivr.flow, null, 2));
      },
      (e: unknown) => setError(describeError(e, t)),
    );
  }, [props.lineId]);

  const parsed = parseJson(text);

  const check = async (): Promise<boolean> => {
    setStatus(null);
    setError(null);
    if (!parsed.ok) {
      setProblems([{ path: 'JSON', message: parsed.message }]);
      return false;
    }
    try {
      const result = await ivrApi.validate(props.lineId, parsed.value);
      setProblems(result.problems);
      if (result.ok) setStatus(t('ivr.valid'));
      return result.ok;
    } catch (e) {
      setError(describeError(e, t));
      return false;
    }
  };

  const save = async () => {
    if (!(await check()) || !parsed.ok) return;
    try {
      const saved = await ivrApi.save(props.lineId, parsed.value);
      setLoaded(saved);
      setStatus(t('ivr.saved'));
    } catch (e) {
      setError(describeError(e, t));
    }
  };

  return (
    <section className="ivr-editor" aria-labelledby="ivr-editor-title" data-testid="ivr-editor">
      <h2 id="ivr-editor-title">{t('ivr.title', { name: props.lineName })}</h2>
      {loaded && (
        <p className="item-sub" data-testid="ivr-origin">
          {loaded.isDefault ? t('ivr.default') : t('ivr.savedAt', { time: loaded.updatedAt ? dateTime(loaded.updatedAt) : '' })}
        </p>
      )}
      <p className="muted">{t('ivr.help')}</p>
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
      {problems && problems.length > 0 && (
        <div role="alert" className="form-error" data-testid="ivr-problems">
          <p>{t('ivr.problems', { count: problems.length })}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="ivr-error">
          {error}
        </p>
      )}
      <p className="form-ok" role="status" data-testid="ivr-status">
        {status ?? ''}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void check()} data-testid="ivr-validate">
          {t('ivr.validate')}
        </button>
        <button type="button" className="button-primary" onClick={() => void save()} data-testid="ivr-save">
          {t('common.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <h3>{t('ivr.nodes')}</h3>
      {parsed.ok ? <IvrNodeList flow={parsed.value} /> : <p className="form-error">{t('ivr.notJson')}</p>}
    </section>
  );
}
