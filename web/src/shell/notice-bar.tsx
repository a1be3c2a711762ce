import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from './error-message.js';

interface Notices {
  /** Shows an error (API error, WS error frame, anything thrown) until dismissed. */
  showError(error: unknown): void;
}

/** Long enough to read twice; the user can dismiss sooner. */
const NOTICE_MS = 10_000;

const NoticeContext = createContext<Notices | null>(null);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [messages, setMessages] = useState<Array<{ id: number; text: string }>>([]);
  const showError = useCallback(
    (error: unknown) => {
      const text = describeError(error, t);
      const id = Date.now() + Math.random();
      setMessages((current) => [...current.filter((m) => m.text !== text).slice(-2), { id, text }]);
      setTimeout(() => setMessages((current) => current.filter((m) => m.id !== id)), NOTICE_MS);
    },
    [t],
  );
  const value = useMemo(() => ({ showError }), [showError]);
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <div className="notices" role="alert" aria-live="assertive">
        {messages.map((m) => (
          <div key={m.id} className="notice notice-error" data-testid="error-notice">
            <span>{m.text}</span>
            <button type="button" className="link-button" onClick={() => setMessages((c) => c.filter((x) => x.id !== m.id))}>
              {t('common.dismiss')}
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotices(): Notices {
  const value = useContext(NoticeContext);
  if (!value) throw new Error('useNotices outside NoticeProvider');
  return value;
}
