import { useEffect, useRef, useState } from 'react';
import type { Colleague, Line, Me, PhoneTransferTarget, Queue } from '../api/api-types.js';
import { agentApi, conversationApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useNotices } from '../shell/notice-bar.js';
import { hasRole } from '../shell/session-context.js';
import { AssistPanel } from './assist-panel.js';
import { ComplimentsFeed } from './compliments-feed.js';
import { ChannelPanel } from './channel-panel.js';
import { ContactPanel } from './contact-panel.js';
import { FlagDialog } from './flag-dialog.js';
import { ConversationList } from './conversation-list.js';
import { ConversationView } from './conversation-view.js';
import { hasEnded } from './desktop-state.js';
import { HistoryPanel } from './history-panel.js';
import { OfferCard } from './offer-card.js';
import { RegistrationPanel } from './registration-panel.js';
import { shortcutFor, type ShortcutAction } from './shortcuts.js';
import { ShortcutsHelp } from './shortcuts-help.js';
import { StatusSwitch } from './status-switch.js';
import { TransferDialog } from './transfer-dialog.js';
import { useDesktop } from './use-desktop.js';
import { isCall } from './call-status.js';
import { Softphone } from './softphone.js';
import { phoneCallStatus } from './phone-call-status.js';
import { PhoneLineControls } from './phone-line-controls.js';
import { forgetRegistrationSaves, settledRegistration } from './registration-saves.js';

export function DesktopPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { showError } = useNotices();
  const { state, actions, callNotices } = useDesktop(me);
  const [config, setConfig] = useState<{ lines: Line[]; queues: Queue[] }>({ lines: [], queues: [] });
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);
  const [dialog, setDialog] = useState<'none' | 'transfer' | 'flag' | 'help'>('none');
  const composer = useRef<HTMLTextAreaElement>(null);
  /** The roles the server lets flag and take safety actions (not executives or content managers). */
  const canFlag = hasRole(me, 'agent', 'supervisor', 'admin', 'security', 'special_care');

  useEffect(() => {
    agentApi.lines().then(setConfig, showError);
    agentApi.colleagues().then(setColleagues, () => setColleagues(null));
  }, [showError]);

  const selected = state.conversations.find((c) => c.id === state.selectedId) ?? null;
  const line = config.lines.find((l) => l.id === selected?.details?.line.id);
  const selectedIsCall = selected ? isCall(selected.log.events) : false;
  // A call that came in on a phone line (the telephony adapter, not the browser): its own controls, through the provider.
  const selectedIsPhoneCall = !selectedIsCall && selected?.details?.channel === 'voice' && Boolean(selected.details.phoneCall);
  const phoneTalking = selectedIsPhoneCall && selected ? ['connected', 'on_hold'].includes(phoneCallStatus(selected.log.events, me.id).phase) : false;

  async function close() {
    if (!selected) return;
    // Already closed on the server (ended to protect the agent): only take it off the screen.
    if (selected.log.events.some((e) => e.type === 'conversation.closed')) {
      actions.release(selected.id);
      return;
    }
    // A wrap-up code chosen a moment ago may still be on its way to the server: wait for it.
    const saved = await settledRegistration(selected.id);
    const code = (saved ?? selected.details?.registration)?.wrapUpCode ?? null;
    // A campaign call is closed by its result (campaign screen); the server refuses the close until one is recorded
    // (CAMPAIGN_RESULT_REQUIRED, shown translated), so no line wrap-up code is asked for here.
    const campaignCall = Boolean(selected.details?.context.campaignId);
    if (!campaignCall && !code && line && line.wrapUpCodes.length > 0) {
      showError({ code: 'WRAP_UP_REQUIRED', message: '' });
      document.querySelector<HTMLSelectElement>('[data-testid="wrapup-select"]')?.focus();
      return;
    }
    try {
      await conversationApi.close(selected.id, campaignCall ? null : code);
      forgetRegistrationSaves(selected.id);
      actions.release(selected.id);
    } catch (error) {
      showError(error);
    }
  }

  async function transfer(target: PhoneTransferTarget, note: string): Promise<boolean> {
    if (!selected) return false;
    try {
      // A live phone-line call moves with its conversation (the provider re-enqueues or dials it); others are routed only.
      if (phoneTalking) await conversationApi.phoneTransfer(selected.id, target, note);
      else if ('toNumber' in target) return false;
      else await conversationApi.transfer(selected.id, target, note);
      // To an outside number the call leaves, but the conversation stays here for its wrap-up.
      if ('toNumber' in target) void actions.catchUp(selected.id);
      else actions.release(selected.id);
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  /** Warm transfer of a phone-line call: the caller waits with music while the colleague's phone rings. */
  async function phoneConsult(conversationId: string, toAgentId: string, note: string): Promise<void> {
    try {
      await conversationApi.phoneConsult(conversationId, toAgentId, note);
      void actions.catchUp(conversationId);
    } catch (error) {
      showError(error);
    }
  }

  /** Warm transfer to an outside number: the caller waits with music while the line's number calls it. */
  async function phoneConsultNumber(conversationId: string, toNumber: string, note: string): Promise<void> {
    try {
      await conversationApi.phoneConsultNumber(conversationId, toNumber, note);
      void actions.catchUp(conversationId);
    } catch (error) {
      showError(error);
    }
  }

  const latest = useRef({ state, selected, close, dialog, canFlag });
  latest.current = { state, selected, close, dialog, canFlag };
  useEffect(() => {
    const run = (action: ShortcutAction) => {
      const { state: s, selected: sel, dialog: open } = latest.current;
      const offer = s.offers[0];
      switch (action.kind) {
        case 'accept':
          if (offer) void actions.accept(offer.conversationId);
          return;
        case 'decline':
          if (offer) void actions.decline(offer.conversationId);
          return;
        case 'select': {
          const target = s.conversations[action.index];
          if (target) actions.select(target.id);
          return;
        }
        case 'transfer':
          if (sel && open === 'none') setDialog('transfer');
          return;
        case 'flag':
          if (sel && open === 'none' && latest.current.canFlag) setDialog('flag');
          return;
        case 'close':
          void latest.current.close();
          return;
        case 'statusToggle':
          void actions.setStatus(s.status === 'available' ? 'away' : 'available');
          return;
        case 'focusComposer':
          composer.current?.focus();
          return;
        case 'help':
          setDialog((d) => (d === 'help' ? 'none' : 'help'));
          return;
      }
    };
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inText = !!target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.isContentEditable);
      const action = shortcutFor(e, inText);
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  return (
    <main className="desktop" data-testid="desktop">
      <h1 className="visually-hidden">{t('desktop.title')}</h1>
      <aside className="desktop-left">
        <StatusSwitch status={state.status} onChange={(s) => void actions.setStatus(s)} />
        <div aria-live="assertive" className="offers" data-testid="offers">
          {state.offers.map((o) => (
            <OfferCard key={o.conversationId} offer={o} onAccept={() => void actions.accept(o.conversationId)} onDecline={() => void actions.decline(o.conversationId)} />
          ))}
        </div>
        {callNotices.consults.map((c) => (
          <article key={c.conversationId} className="panel consult-request" data-testid="consult-request" data-conversation-id={c.conversationId} role="status">
            <p>{t('softphone.consultRequest', { name: c.fromAgentName })}</p>
            {c.note && <p className="muted small">{c.note}</p>}
            <button type="button" className="link-button" onClick={() => actions.dismissConsult(c.conversationId)}>
              {t('common.dismiss')}
            </button>
          </article>
        ))}
        <ConversationList conversations={state.conversations} selectedId={state.selectedId} onSelect={actions.select} />
        <ComplimentsFeed refreshKey={`${state.conversations.length}|${state.conversations.filter(hasEnded).length}`} />
        <button type="button" className="link-button shortcuts-link" data-testid="shortcuts-open" onClick={() => setDialog('help')}>
          {t('shortcuts.open')} <kbd>?</kbd>
        </button>
      </aside>
      {selected ? (
        <>
          <ConversationView
            ref={composer}
            entry={selected}
            line={line}
            actions={actions}
            onTransfer={() => setDialog('transfer')}
            onFlag={canFlag ? () => setDialog('flag') : undefined}
            onCloseConversation={() => void close()}
            callPanel={
              selectedIsCall ? (
                <Softphone
                  key={`softphone-${selected.id}`}
                  conversationId={selected.id}
                  myId={me.id}
                  events={selected.log.events}
                  actions={actions}
                  customerKeys={callNotices.keys[selected.id]}
                  micProblem={callNotices.micProblem === selected.id}
                  onTransfer={() => setDialog('transfer')}
                />
              ) : selectedIsPhoneCall ? (
                <PhoneLineControls
                  key={`phone-${selected.id}`}
                  conversationId={selected.id}
                  myId={me.id}
                  events={selected.log.events}
                  onTransfer={() => setDialog('transfer')}
                  onDone={() => void actions.catchUp(selected.id)}
                />
              ) : undefined
            }
          />
          <aside className="desktop-right" aria-label={t('desktop.details')}>
            {selected.details && <ContactPanel details={selected.details} />}
            {selected.details && (selected.details.channel === 'email' || selected.details.channel === 'whatsapp') && (
              <ChannelPanel key={`channel-${selected.id}`} conversationId={selected.id} refreshKey={selected.log.events.filter((e) => e.type === 'message.created').length} ended={hasEnded(selected)} />
            )}
            {selected.details && line && (
              <RegistrationPanel key={`registration-${selected.id}`} conversationId={selected.id} line={line} registration={selected.details.registration} campaignCall={Boolean(selected.details.context.campaignId)} onChange={(r) => actions.setRegistration(selected.id, r)} />
            )}
            <AssistPanel key={`assist-${selected.id}`} conversationId={selected.id} line={line} language={selected.details?.language} events={selected.log.events} />
            <HistoryPanel conversationId={selected.id} line={line} />
          </aside>
        </>
      ) : (
        <section className="empty-state" data-testid="no-conversation">
          <h2>{t('desktop.emptyTitle')}</h2>
          <p className="muted">{state.status === 'available' ? t('desktop.emptyAvailable') : t('desktop.emptyNotAvailable')}</p>
        </section>
      )}
      {dialog === 'transfer' && selected && (
        <TransferDialog
          queues={config.queues}
          colleagues={colleagues}
          myId={me.id}
          onTransfer={transfer}
          allowNumber={phoneTalking}
          onConsult={phoneTalking ? (toAgentId, note) => void phoneConsult(selected.id, toAgentId, note) : selectedIsCall ? (toAgentId, note) => actions.callControl({ t: 'call.transfer', conversationId: selected.id, step: 'consult', toAgentId, ...(note ? { note } : {}) }) : undefined}
          onConsultNumber={phoneTalking ? (toNumber, note) => void phoneConsultNumber(selected.id, toNumber, note) : undefined}
          onClose={() => setDialog('none')}
        />
      )}
      {dialog === 'flag' && selected && <FlagDialog key={selected.id} conversationId={selected.id} ended={hasEnded(selected)} onDone={() => void actions.catchUp(selected.id)} onClose={() => setDialog('none')} />}
      {dialog === 'help' && <ShortcutsHelp onClose={() => setDialog('none')} />}
    </main>
  );
}
