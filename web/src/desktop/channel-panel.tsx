import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelView } from '../api/channel-types.js';
import { channelApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';

interface Props {
  conversationId: string;
  /** Changes when new messages arrive, so the window and the summary follow the thread. */
  refreshKey: number;
  ended: boolean;
}

/**
 * The email/WhatsApp side of a conversation: the subject, the reply window with the line's
 * templates (WhatsApp), and an extractive summary once the thread is long. Nothing for chat.
 */
export function ChannelPanel({ conversationId, refreshKey, ended }: Props) {
  const { t, dateTime } = useI18n();
  const [view, setView] = useState<ChannelView | null>(null);
  useEffect(() => {
    let live = true;
    channelApi.view(conversationId).then(
      (v) => live && setView(v),
      () => live && setView(null),
    );
    return () => {
      live = false;
    };
  }, [conversationId, refreshKey]);

  if (!view?.capabilities) return null;
  return (
    <section className="panel" aria-labelledby="channel-title" data-testid="channel-panel">
      <h2 id="channel-title">{t(`channel.${view.channel}`)}</h2>
      {view.subject && (
        <p data-testid="channel-subject">
          <span className="muted">{t('channel.subject')}:</span> <strong>{view.subject}</strong>
        </p>
      )}
      {view.replyWindow && (
        <p className={`small ${view.replyWindow.open ? '' : 'form-error'}`} data-testid="channel-window">
          {view.replyWindow.open && view.replyWindow.closesAt ? t('channel.windowOpen', { time: dateTime(view.replyWindow.closesAt) }) : t('channel.windowClosed')}
        </p>
      )}
      {view.templates.length > 0 && !ended && <TemplateForm conversationId={conversationId} templates={view.templates} />}
      {view.summary && view.summary.length > 0 && (
        <div data-testid="channel-summary">
          <h3>{t('channel.summary')}</h3>
          <p className="small muted">{t('channel.summaryHint')}</p>
          <ul className="summary-list">
            {view.summary.map((s, i) => (
              <li key={i}>
                <span className="muted">{s.from === 'customer' ? t('transcript.customer') : s.from === 'bot' ? t('transcript.bot') : t('transcript.agent')}:</span> {s.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function TemplateForm({ conversationId, templates }: { conversationId: string; templates: ChannelView['templates'] }) {
  const { t } = useI18n();
  const [name, setName] = useState(templates[0]!.name);
  const [values, setValues] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const template = templates.find((x) => x.name === name) ?? templates[0]!;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    channelApi.sendTemplate(conversationId, `tpl-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, template.name, values.slice(0, template.parameters)).then(
      () => {
        setBusy(false);
        setValues([]);
      },
      (e: unknown) => {
        setBusy(false);
        setError(describeError(e, t));
      },
    );
  };
  return (
    <form className="template-form" onSubmit={submit} data-testid="template-form">
      <label>
        {t('channel.template')}
        <select value={name} onChange={(e) => setName(e.target.value)}>
          {templates.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted">{template.body}</p>
      {Array.from({ length: template.parameters }, (_, i) => (
        <label key={i}>
          {t('channel.templateParameter', { n: i + 1 })}
          <input required value={values[i] ?? ''} onChange={(e) => setValues((v) => Object.assign([...v], { [i]: e.target.value }))} />
        </label>
      ))}
      {error && <p className="form-error">{error}</p>}
      <button type="submit" disabled={busy}>
        {t('channel.templateSend')}
      </button>
    </form>
  );
}
