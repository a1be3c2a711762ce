import { forwardRef, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { channelApi } from '../api/endpoints.js';
import { ApiError } from '../api/http-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { addFiles, formatFileSize, MAX_FILES_PER_MESSAGE, removeFileAt, uploadAll } from './composer-files.js';
import { readAsBase64 } from './read-file.js';

const TYPING_REFRESH_MS = 3000;
const TYPING_IDLE_MS = 2500;
const MAX_LENGTH = 4000;

interface Props {
  conversationId: string;
  disabled: boolean;
  onSend: (text: string, internal: boolean, attachmentIds: string[]) => void;
  onTyping: (on: boolean) => void;
  /** The channel can carry files (chat, email, WhatsApp; not a phone call). */
  canAttach?: boolean;
}

/** What the composer says when the server refuses a file, by error code. */
function uploadErrorKey(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.code : '';
  if (code === 'ATTACHMENT_TOO_LARGE' || code === 'PAYLOAD_TOO_LARGE') return 'composer.fileTooLarge';
  if (code === 'ATTACHMENT_TYPE_REFUSED') return 'composer.fileTypeRefused';
  return 'composer.fileFailed';
}

/** Enter (or Ctrl+Enter) sends, Shift+Enter is a new line; typing is announced at most every few seconds. */
export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer({ conversationId, disabled, onSend, onTyping, canAttach = true }, ref) {
  const { t, language } = useI18n();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [internal, setInternal] = useState(false);
  // The chosen files (at most five, in order), per conversation; uploaded when the message is sent (a removed file is never stored).
  const [chosen, setChosen] = useState<Record<string, File[]>>({});
  const [uploading, setUploading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const attachButton = useRef<HTMLButtonElement>(null);
  const files = chosen[conversationId] ?? [];
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

  const send = async () => {
    const value = text.trim();
    if ((!value && files.length === 0) || disabled || uploading) return;
    let attachmentIds: string[] = [];
    if (files.length > 0) {
      setUploading(true);
      setFileError(null);
      const uploaded = await uploadAll(files, async (file) =>
        channelApi.upload(conversationId, { filename: file.name, contentType: file.type || 'application/octet-stream', contentBase64: await readAsBase64(file) }),
      );
      setUploading(false);
      if (!uploaded.ok) {
        // Nothing is sent: the agent removes or replaces the named file and sends again.
        setFileError(`${t(uploadErrorKey(uploaded.error), { name: uploaded.file.name })} ${t('composer.nothingSent')}`);
        return;
      }
      attachmentIds = uploaded.ids;
    }
    onSend(value, internal, attachmentIds);
    setDrafts((d) => ({ ...d, [conversationId]: '' }));
    setChosen((c) => ({ ...c, [conversationId]: [] }));
    stopTyping();
  };

  const removeFile = (index: number) => {
    setChosen((c) => ({ ...c, [conversationId]: removeFileAt(c[conversationId] ?? [], index) }));
    setFileError(null);
    attachButton.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  };

  return (
    <form
      className={`composer ${internal ? 'composer-internal' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
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
      {files.length > 0 && (
        <ul className="composer-files" data-testid="composer-files" aria-label={t('composer.filesLabel', { count: files.length, max: MAX_FILES_PER_MESSAGE })}>
          {files.map((file, index) => (
            <li className="composer-file" data-testid="composer-file" key={`${file.name}-${file.size}-${file.lastModified}`}>
              <PaperClip /> <span data-testid="composer-file-name">{file.name}</span> <span className="muted small" data-testid="composer-file-size">({formatFileSize(file.size, language)})</span>
              <button type="button" data-testid="composer-file-remove" aria-label={t('composer.removeFile', { name: file.name })} onClick={() => removeFile(index)} disabled={uploading}>
                {t('composer.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {fileError && (
        <p className="form-error" role="alert" data-testid="composer-file-error">
          {fileError}
        </p>
      )}
      <div className="composer-bar">
        {canAttach && !internal && (
          <>
            <input
              ref={fileInput}
              id="composer-file-input"
              type="file"
              multiple
              hidden
              tabIndex={-1}
              aria-label={t('composer.attach')}
              data-testid="composer-file-input"
              accept="application/pdf,image/png,image/jpeg,image/gif,image/webp,image/heic,text/plain,text/csv,.docx,.xlsx,.odt,.ods,.doc,.xls"
              disabled={disabled || uploading}
              onChange={(e) => {
                const picked = Array.from(e.target.files ?? []);
                e.target.value = '';
                const added = addFiles(files, picked);
                setChosen((c) => ({ ...c, [conversationId]: added.files }));
                setFileError(added.refused.length > 0 ? t('composer.tooManyFiles', { max: MAX_FILES_PER_MESSAGE, names: added.refused.map((f) => f.name).join(', ') }) : null);
              }}
            />
            <button type="button" ref={attachButton} className="composer-attach" data-testid="composer-attach" disabled={disabled || uploading} aria-describedby="composer-attach-hint" onClick={() => fileInput.current?.click()}>
              <PaperClip /> {t('composer.attach')}
            </button>
            <span id="composer-attach-hint" className="visually-hidden">
              {t('composer.attachHint')}
            </span>
          </>
        )}
        <label className="checkbox">
          <input type="checkbox" data-testid="composer-internal" checked={internal} onChange={(e) => setInternal(e.target.checked)} disabled={disabled} />
          {t('composer.internal')}
        </label>
        <span className="muted small">{t('composer.hint')}</span>
        <button type="submit" className="button-primary" data-testid="composer-send" disabled={disabled || uploading || (!text.trim() && files.length === 0)}>
          {uploading ? t('composer.uploading') : internal ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
    </form>
  );
});

/** A paper clip drawn inline (no emoji font needed), hidden from screen readers: the text says it. */
function PaperClip() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false" style={{ verticalAlign: '-3px' }}>
      <path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z" fill="currentColor" />
    </svg>
  );
}
