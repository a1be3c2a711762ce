import { forwardRef, type ReactNode } from 'react';
import type { Line } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { Composer } from './composer.js';
import { SummaryDetails } from './summary-details.js';
import { hasEnded, type ConversationEntry } from './desktop-state.js';
import type { DesktopActions } from './use-desktop.js';
import { Transcript } from './transcript.js';

interface Props {
  entry: ConversationEntry;
  line: Line | undefined;
  actions: DesktopActions;
  onTransfer: () => void;
  /** Absent when the user's roles may not flag. */
  onFlag: (() => void) | undefined;
  onCloseConversation: () => void;
  /** The softphone, for a conversation that is a call. */
  callPanel?: ReactNode;
}

/** The one conversation on screen: title and actions, transcript, composer. */
export const ConversationView = forwardRef<HTMLTextAreaElement, Props>(function ConversationView({ entry, line, actions, onTransfer, onFlag, onCloseConversation, callPanel }, composerRef) {
  const { t } = useI18n();
  const ended = hasEnded(entry);
  const d = entry.details;
  return (
    <section className="conversation-view" aria-labelledby="conversation-title" data-testid="conversation-view" data-conversation-id={entry.id}>
      <header className="conversation-header">
        <div>
          <h2 id="conversation-title">{d ? d.contact.displayName || d.contact.pseudonym : t('common.loading')}</h2>
          <p className="muted small">
            {line?.name ?? d?.line.name ?? ''} {d?.queue ? `· ${d.queue.name}` : ''} {ended && <strong className="tag tag-warn">{t('conversations.ended')}</strong>}
          </p>
        </div>
        <div className="button-row">
          <button type="button" data-testid="transfer-open" onClick={onTransfer} disabled={ended}>
            {t('transfer.open')} <kbd>Alt+T</kbd>
          </button>
          {onFlag && (
            <button type="button" className="button-flag" data-testid="flag-open" onClick={onFlag} aria-haspopup="dialog">
              {t('flag.open')} <kbd>Alt+F</kbd>
            </button>
          )}
          <button type="button" className="button-primary" data-testid="close-conversation" onClick={onCloseConversation}>
            {t('close.button')} <kbd>Alt+W</kbd>
          </button>
        </div>
      </header>
      {callPanel}
      <SummaryDetails key={entry.id} conversationId={entry.id} testId="conversation-summary" />
      <Transcript
        events={entry.log.events}
        pending={entry.pending}
        customerTyping={entry.customerTyping}
        onRetry={(clientId) => actions.retry(entry.id, clientId)}
        onDiscard={(clientId) => actions.discard(clientId)}
      />
      <Composer
        ref={composerRef}
        conversationId={entry.id}
        disabled={ended}
        onSend={(text, internal, attachmentIds) => actions.send(entry.id, text, internal, attachmentIds)}
        canAttach={d?.channel !== 'voice'}
        onTyping={(on) => actions.typing(entry.id, on)}
      />
    </section>
  );
});
