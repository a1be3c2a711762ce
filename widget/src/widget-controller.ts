import { WidgetApiError, type LineInfo, type StartContext, type WidgetApi } from './api/widget-api.js';
import { mergeContext, type EmbedConfig } from './config/embed-config.js';
import type { UiLanguage } from './i18n/messages.js';
import { isUiLanguage, pickLanguage, translator, type Translate } from './i18n/translate.js';
import { ChatSession } from './state/chat-session.js';
import type { SessionStore, StoredConversation } from './state/session-store.js';
import { visibleItems } from './state/timeline.js';
import { ChatView } from './view/chat-view.js';
import { PanelView } from './view/panel-view.js';
import { renderNotice, renderPrechat, type PrechatChoice } from './view/prechat-view.js';
import { STYLES } from './view/styles.js';
import { SurveyView } from './view/survey-view.js';
import type { CallHandle } from './call/call-module.js';
import { loadCallModule } from './call/load-call-module.js';

type Phase = 'idle' | 'loading' | 'load-failed' | 'closed-line' | 'prechat' | 'chat';

/** Decides which view the panel shows and connects the views to the API and the chat session. */
export class WidgetController {
  private phase: Phase = 'idle';
  private line: LineInfo | undefined;
  private language: UiLanguage;
  private t: Translate;
  private context: StartContext;
  private session: ChatSession | undefined;
  private chatView: ChatView | undefined;
  private conversation: StoredConversation | undefined;
  /** The survey is asked for once per ended chat, and shown only when the server says it is open. */
  private surveyAsked = false;
  private starting = false;
  private startError: string | undefined;
  private prechatKey = '';
  /** The running call's view and audio (from the lazily loaded call script). */
  private call: CallHandle | undefined;
  private callLoading = false;
  private readonly panel = new PanelView({ toggle: () => this.toggle(), close: () => this.close(), end: () => void this.end() });

  constructor(
    private readonly config: EmbedConfig,
    private readonly api: WidgetApi,
    private readonly store: SessionStore,
    private readonly pageLanguage: string | undefined,
  ) {
    this.language = pickLanguage(['nl', 'fr', 'en'], config.language, pageLanguage);
    this.t = translator(this.language);
    this.context = config.context;
  }

  mount(shadow: ShadowRoot): void {
    const style = document.createElement('style');
    style.textContent = STYLES;
    const root = document.createElement('div');
    root.className = 'root';
    root.append(this.panel.launcher, this.panel.panel);
    shadow.append(style, root);
    const stored = this.store.loadConversation();
    if (stored) this.resume(stored);
    this.render();
    // A reload or the next page of the site: show the running chat again, without taking focus from the page.
    if (stored && this.store.panelWasOpen()) this.open(false);
  }

  open(takeFocus = true): void {
    this.panel.setOpen(true);
    this.store.rememberPanel(true);
    void this.ensureLine();
    this.render();
    this.chatView?.scrollToEnd();
    if (takeFocus) this.focusPanel();
  }

  close(): void {
    if (!this.panel.isOpen()) return;
    this.panel.setOpen(false);
    this.store.rememberPanel(false);
    this.render();
    this.panel.launcher.focus();
  }

  /** Host pages may add context (a signed customer reference, steps) until the chat starts. */
  setContext(patch: unknown): void {
    this.context = mergeContext(this.context, patch);
  }

  private toggle(): void {
    if (this.panel.isOpen()) this.close();
    else this.open();
  }

  private async ensureLine(): Promise<void> {
    if (this.line || this.phase === 'loading') return;
    if (this.phase !== 'chat') this.phase = 'loading';
    this.render();
    try {
      this.line = await this.api.getLine(this.config.lineId);
      if (!this.session) this.setLanguage(pickLanguage(this.line.languages, this.config.language, this.pageLanguage));
      if (this.phase !== 'chat') this.phase = this.line.open ? 'prechat' : 'closed-line';
    } catch {
      if (this.phase !== 'chat') this.phase = 'load-failed';
    }
    this.render();
    this.focusPanel();
  }

  private retryLoad(): void {
    this.phase = 'idle';
    void this.ensureLine();
  }

  private setLanguage(language: UiLanguage): void {
    this.language = language;
    this.t = translator(language);
  }

  private async start(choice: PrechatChoice): Promise<void> {
    this.starting = true;
    this.startError = undefined;
    this.render();
    try {
      // A call loads its script first, so its first events already find the call view.
      if (choice.channel === 'voice') await loadCallModule(this.config.origin);
      const started = await this.api.start(this.config.lineId, { ...(choice.channel === 'voice' ? { channel: 'voice' as const } : {}), language: choice.language, ...(choice.topicId ? { topicId: choice.topicId } : {}), visitorId: this.store.visitorId(), context: this.context });
      const stored: StoredConversation = { conversationId: started.conversationId, token: started.token, lastSeq: 0, language: choice.language, pending: [], tabOnly: this.line?.anonymous === true };
      this.store.saveConversation(stored);
      this.resume(stored);
    } catch (error) {
      if (error instanceof WidgetApiError && error.code === 'LINE_CLOSED') this.phase = 'closed-line';
      else this.startError = this.t('startFailed');
    }
    this.starting = false;
    this.render();
    this.focusPanel();
  }

  private resume(stored: StoredConversation): void {
    if (isUiLanguage(stored.language)) this.setLanguage(stored.language);
    this.session = new ChatSession(this.api, this.store, stored, this.config.origin, { changed: () => this.render(), lost: () => this.leaveChat(), callStarted: () => void this.showCall(), callDropped: () => this.hideCall() });
    this.chatView = new ChatView({ send: (text) => this.session?.send(text), loadAttachment: (id) => (this.session ? this.session.loadAttachment(id) : Promise.reject(new Error('no session'))), keystroke: () => this.session?.keystroke(), newChat: () => this.leaveChat(), call: () => void this.startCallInChat() });
    this.conversation = stored;
    this.surveyAsked = false;
    this.phase = 'chat';
    this.session.start();
  }

  private async end(): Promise<void> {
    try {
      await this.session?.end();
    } catch {
      // The socket may still deliver the end; otherwise the button stays for another try.
    }
  }

  /** The customer presses "call" in a chat an agent handles: the same conversation becomes a call. */
  private async startCallInChat(): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      await loadCallModule(this.config.origin);
      session.sendFrame({ t: 'call.start', conversationId: session.conversationId, clientId: `c-${Date.now().toString(36)}` });
    } catch {
      this.startError = this.t('callFailed');
    }
  }

  /** A call runs in this conversation: load the call script (once) and show its view. */
  private async showCall(): Promise<void> {
    const session = this.session;
    if (!session || this.call || this.callLoading) return;
    this.callLoading = true;
    try {
      const module = await loadCallModule(this.config.origin);
      // Gone meanwhile, or the call was not picked up before its script loaded.
      if (this.session !== session || this.call || session.callEvents.length === 0) return;
      const language = isUiLanguage(session.language) ? session.language : this.language;
      const handle = module.createCall(
        {
          conversationId: session.conversationId,
          language,
          iceServers: () => session.iceServers,
          send: (frame) => session.sendFrame(frame),
          hangUpOffline: () => void this.end(),
        },
        session.callEvents,
      );
      this.call = handle;
      session.frameListener = (frame) => handle.onFrame(frame);
      this.chatView?.setCall(handle.root);
      this.render();
    } catch {
      this.chatView?.setCall(renderNotice(this.t('callFailed')));
    } finally {
      this.callLoading = false;
    }
  }

  /** The call this chat became was not picked up: its view goes, the chat (and its call button) stays. */
  private hideCall(): void {
    this.call?.dispose();
    this.call = undefined;
    if (this.session) this.session.frameListener = undefined;
    this.chatView?.setCall(undefined);
    this.render();
  }

  /** After an ended chat (or a token that no longer works): back to the pre-chat choices. */
  private leaveChat(): void {
    this.call?.dispose();
    this.call = undefined;
    this.session?.dispose();
    this.session = undefined;
    this.chatView = undefined;
    this.conversation = undefined;
    this.phase = this.line ? (this.line.open ? 'prechat' : 'closed-line') : 'idle';
    this.prechatKey = '';
    if (this.panel.isOpen()) void this.ensureLine();
    this.render();
    this.focusPanel();
  }

  private render(): void {
    const t = this.t;
    const session = this.session;
    const ended = session?.timeline.ended ?? false;
    this.panel.setTexts(t, this.line?.name, this.panel.isOpen());
    this.panel.setConnection(session && !ended ? session.connection : undefined, t);
    this.panel.setEndVisible(Boolean(session) && !ended);
    if (this.phase === 'chat' && session && this.chatView) {
      this.panel.setBody(this.chatView.root);
      const canCall = !this.call && !ended && Boolean(session.timeline.agentName) && this.line?.channels?.includes('voice') === true;
      // During a call the call view shows the queue and its status.
      this.chatView.update({ items: visibleItems(session.timeline), status: this.call ? undefined : this.statusText(session), typing: this.typingText(session), ended, canCall }, t);
      if (ended && !this.surveyAsked) void this.offerSurvey(this.chatView);
      return;
    }
    if (this.phase === 'prechat' && this.line) return this.renderPrechat(this.line);
    this.prechatKey = '';
    if (this.phase === 'closed-line') this.panel.setBody(renderNotice(t('lineClosed')));
    else if (this.phase === 'load-failed') this.panel.setBody(renderNotice(t('loadFailed'), { label: t('retry'), testId: 'retry-button', run: () => this.retryLoad() }));
    else this.panel.setBody(renderNotice(t('loading')));
  }

  /** Rebuilt only when its inputs change, and focus returns to the same control. */
  private renderPrechat(line: LineInfo): void {
    const key = `${this.language}|${this.starting}|${this.startError ?? ''}`;
    if (key === this.prechatKey) return;
    this.prechatKey = key;
    const focusedId = (this.panel.panel.getRootNode() as ShadowRoot).activeElement?.id;
    const view = renderPrechat(line, this.language, this.t, this.starting, this.startError, {
      languageChanged: (language) => {
        this.setLanguage(language);
        this.render();
      },
      start: (choice) => void this.start(choice),
    });
    this.panel.setBody(view);
    if (focusedId) view.querySelector<HTMLElement>(`#${focusedId}`)?.focus();
  }

  /** When the chat ends the server says whether the survey is open: closed by the agent, or left by the customer while an agent handled it. */
  private async offerSurvey(view: ChatView): Promise<void> {
    const conversation = this.conversation;
    this.surveyAsked = true;
    if (!conversation) return;
    const { conversationId, token } = conversation;
    try {
      const status = await this.api.surveyStatus(conversationId, token);
      if (!status.open || this.chatView !== view) return;
      view.setSurvey(
        new SurveyView(this.t, async (answer) => {
          // A second tab or a retried request already stored it: that is a success for the customer.
          await this.api.submitSurvey(conversationId, token, answer).catch((error: unknown) => {
            if (!(error instanceof WidgetApiError && error.code === 'SURVEY_ALREADY_SUBMITTED')) throw error;
          });
        }).root,
      );
    } catch {
      // No survey is better than an error box under a finished chat.
    }
  }

  private statusText(session: ChatSession): string | undefined {
    if (session.timeline.ended || session.timeline.agentName) return undefined;
    if (!session.queue) return this.t('waiting');
    const minutes = Math.max(1, Math.round(session.queue.expectedWaitSeconds / 60));
    return this.t('queue', { position: session.queue.position, minutes });
  }

  private typingText(session: ChatSession): string | undefined {
    if (!session.agentTyping || session.timeline.ended) return undefined;
    return session.timeline.agentName ? this.t('typing', { name: session.timeline.agentName }) : this.t('someoneTyping');
  }

  private focusPanel(): void {
    if (!this.panel.isOpen()) return;
    if (this.phase === 'chat') return this.chatView?.focusComposer();
    const target = this.panel.panel.querySelector<HTMLElement>('.body select, .body button, .body [tabindex]');
    target?.focus();
  }
}
