import { forwardRef, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

const TYPING_REFRESH_MS = 3000;
const TYPING_IDLE_MS = 2500;
const MAX_LENGTH = 4000;

interface Props {
  conversationId: string;
  disabled: boolean;
  onSend: (text: string, internal: boolean) => void;
  onTyping: (on: boolean) => void;
}

/** Enter (or Ctrl+Enter) sends, Shift+Enter is a new line; typing is announced at most every few seconds. */
export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer({ conversationId, disabled, onSend, onTyping }, ref) {
  const { t } = useI18n();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [internal, setInternal] = useState(false);
  const typing = useRef({ on: false, lastSent: 0, idle: undefined as ReturnType<typeof setTimeout> | undefined });
  const text = drafts[conversationId] ?? '';

  const stopTyping = () => {
    clearTimeout(typing.current.idle);
    if (typing.current.on) onTyping(false);
    typing.current.on = false;
  };
  // Switching conversation (or leaving) ends the typing signal of the previous one.
  useEffect(() => () => stopTyping(), [conversationId]);

  const noteTyping = () => {
    if (internal) return; // the customer must not see us typing an internal note
    const now = Date.now();
    if (!typing.current.on || now - typing.current.lastSent > TYPING_REFRESH_MS) {
      onTyping(true);
      typing.current.on = true;
      typing.current.lastSent = now;
    }
    clearTimeout(typing.current.idle);
    typing.current.idle = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const send = () => {
    const value = text.trim();
    if (!value || disabled) return;
    onSend(value, internal);
    setDrafts((d) => ({ ...d, [conversationId]: '' }));
    stopTyping();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  return (
    <form
      className={`composer ${internal ? 'composer-internal' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor="composer-text" className="visually-hidden">
        {internal ? t('composer.noteLabel') : t('composer.label')}
      </label>
      <textarea
        id="composer-text"
        ref={ref}
        data-testid="composer-input"
        rows={3}
        maxLength={MAX_LENGTH}
        disabled={disabled}
        placeholder={disabled ? t('composer.ended') : internal ? t('composer.notePlaceholder') : t('composer.placeholder')}
        value={text}
        onChange={(e) => {
          setDrafts((d) => ({ ...d, [conversationId]: e.target.value }));
          noteTyping();
        }}
        onKeyDown={onKeyDown}
        onBlur={stopTyping}
      />
      <div className="composer-bar">
        <label className="checkbox">
          <input type="checkbox" data-testid="composer-internal" checked={internal} onChange={(e) => setInternal(e.target.checked)} disabled={disabled} />
          {t('composer.internal')}
        </label>
        <span className="muted small">{t('composer.hint')}</span>
        <button type="submit" className="button-primary" data-testid="composer-send" disabled={disabled || !text.trim()}>
          {internal ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
    </form>
  );
});
