import { useEffect, useState } from 'react';
import type { Line, Me, Queue } from '../api/api-types.js';
import { ApiError } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { adminApi, type AdminConfig } from './admin-api.js';
import { AgentForm } from './agent-form.js';
import { IvrEditor } from './ivr-editor.js';
import { LineForm } from './line-form.js';
import { QueueForm } from './queue-form.js';

type Tab = 'lines' | 'queues' | 'agents' | 'ivr';
type Editing = { id: string | null } | null;

/** Lines, queues and agents: a list per tab and one form at a time. */
export function AdminPage() {
  const { t } = useI18n();
  const [config, setConfig] = useState<AdminConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('lines');
  const [editing, setEditing] = useState<Editing>(null);

  const load = () =>
    adminApi.config().then(setConfig, (e: unknown) => setError(e instanceof ApiError && e.status === 404 ? t('admin.unavailable') : describeError(e, t)));
  useEffect(() => {
    void load();
  }, []);

  const saved = () => {
    setEditing(null);
    void load();
  };

  const rows: Array<{ id: string; title: string; sub: string }> = !config
    ? []
    : tab === 'lines'
      ? config.lines.map((l: Line) => ({ id: l.id, title: l.name, sub: `${l.languages.join('/').toUpperCase()} · ${l.channels.map((c) => t(`channel.${c}`)).join(', ')}${l.anonymous ? ` · ${t('contact.anonymous')}` : ''}` }))
      : tab === 'queues'
        ? config.queues.map((q: Queue) => ({ id: q.id, title: q.name, sub: `${config.lines.find((l) => l.id === q.lineId)?.name ?? q.lineId} · ${q.serviceLevelPercent}% / ${q.serviceLevelSeconds}s` }))
        : tab === 'agents'
          ? config.agents.map((a: Me) => ({ id: a.id, title: a.name, sub: `${a.email} · ${a.roles.map((r) => t(`role.${r}`)).join(', ')}` }))
          : config.lines.filter((l: Line) => l.channels.includes('voice')).map((l: Line) => ({ id: l.id, title: l.name, sub: l.languages.join('/').toUpperCase() }));

  return (
    <main className="admin" data-testid="admin">
      <h1>{t('admin.title')}</h1>
      <div role="tablist" aria-label={t('admin.title')} className="tabs">
        {(['lines', 'queues', 'agents', 'ivr'] as const).map((x) => (
          <button
            key={x}
            role="tab"
            type="button"
            id={`tab-${x}`}
            aria-selected={tab === x}
            aria-controls="admin-panel"
            data-testid={`admin-tab-${x}`}
            onClick={() => {
              setTab(x);
              setEditing(null);
            }}
          >
            {t(`admin.${x}`)}
          </button>
        ))}
      </div>
      <div id="admin-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="admin-panel">
        {error && (
          <p className="form-error" role="alert" data-testid="admin-load-error">
            {error}
          </p>
        )}
        <section className="admin-list" aria-label={t(`admin.${tab}`)}>
          {tab !== 'ivr' && (
            <button type="button" className="button-primary" data-testid={`admin-new-${tab}`} disabled={!config} onClick={() => setEditing({ id: null })}>
              {t('admin.new')}
            </button>
          )}
          <ul data-testid={`admin-list-${tab}`}>
            {rows.map((r) => (
              <li key={r.id}>
                <button type="button" data-testid="admin-list-item" data-id={r.id} aria-current={editing?.id === r.id ? 'true' : undefined} onClick={() => setEditing({ id: r.id })}>
                  <span className="item-title">{r.title}</span>
                  <span className="item-sub">{r.sub}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        {config && editing && (
          <div className="admin-editor" key={`${tab}-${editing.id ?? 'new'}`}>
            {tab === 'lines' && <LineForm line={config.lines.find((l) => l.id === editing.id) ?? null} queues={config.queues} onSaved={saved} onCancel={() => setEditing(null)} />}
            {tab === 'queues' && (
              <QueueForm queue={config.queues.find((q) => q.id === editing.id) ?? null} lines={config.lines} queues={config.queues} onSaved={saved} onCancel={() => setEditing(null)} />
            )}
            {tab === 'ivr' && editing.id && <IvrEditor lineId={editing.id} lineName={config.lines.find((l) => l.id === editing.id)?.name ?? editing.id} onCancel={() => setEditing(null)} />}
            {tab === 'agents' && <AgentForm agent={config.agents.find((a) => a.id === editing.id) ?? null} queues={config.queues} onSaved={saved} onCancel={() => setEditing(null)} />}
          </div>
        )}
      </div>
    </main>
  );
}
