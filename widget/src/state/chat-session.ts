import type { WidgetApi } from '../api/widget-api.js';
import { socketOrigin } from '../config/embed-config.js';
import { ChatSocket, type ConnectionState } from '../realtime/chat-socket.js';
import { TypingSignal } from '../realtime/typing-signal.js';
import type { ClientFrame, ServerFrame, WireEvent } from '../realtime/wire-types.js';
import { CALL_EVENT_TYPES } from '../call/call-module.js';
import { randomId } from './random-id.js';
import type { SessionStore, StoredConversation } from './session-store.js';
import { addPending, applyAck, applyEvent, applyFailure, emptyTimeline, unsent, type Timeline } from './timeline.js';

export interface QueueInfo {
  position: number;
  expectedWaitSeconds: number;
}

export interface SessionListener {
  changed(): void;
  /** The stored token no longer opens the conversation: back to the pre-chat. */
  lost(): void;
  /** A `call.started` event arrived (a new call, a chat that became one, or a reload during a call). */
  callStarted?(): void;
  /** Nobody picked up the call this chat became: it is a chat again (`conversation.channel_switched` back). */
  callDropped?(): void;
}

/** Agents' typing indicator switches itself off if their "off" frame never arrives. */
const TYPING_TIMEOUT_MS = 10_000;
const RETRY_REFUSED_SEND_MS = 2_000;

/**
 * One running conversation: the socket, the timeline, unacknowledged messages, and what the
 * next page load needs to resume. Views read its fields after `changed()`.
 */
export class ChatSession {
  timeline: Timeline;
  queue: QueueInfo | undefined;
  connection: ConnectionState = 'connecting';
  agentTyping = false;
  /** STUN/TURN servers the server announced in its hello frame. */
  iceServers: RTCIceServer[] = [];
  /** The call's events so far, for a call view that loads after they arrived. */
  readonly callEvents: WireEvent[] = [];
  /** The call view, once loaded: it sees every frame. */
  frameListener: ((frame: ServerFrame) => void) | undefined;
  private readonly socket: ChatSocket;
  private readonly typingSignal: TypingSignal;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onOnline = () => this.socket.retryNow();
  private readonly onOffline = () => this.socket.connectionLost();

  constructor(
    private readonly api: WidgetApi,
    private readonly store: SessionStore,
    private readonly stored: StoredConversation,
    origin: string,
    private readonly listener: SessionListener,
  ) {
    // The transcript is not kept in the browser, so a fresh page replays from 0; unsent messages are kept.
    this.timeline = emptyTimeline(stored.pending);
    const id = stored.conversationId;
    this.socket = new ChatSocket(
      { url: () => `${socketOrigin(origin)}/ws?token=${encodeURIComponent(stored.token)}&afterSeq=${this.timeline.lastSeq}` },
      {
        frame: (frame) => this.onFrame(frame),
        state: (state) => this.update(() => (this.connection = state)),
        ready: () => this.resendUnsent(),
        stillWanted: () => this.tokenStillValid(),
      },
    );
    this.typingSignal = new TypingSignal((on) => this.socket.send({ t: 'typing', conversationId: id, on }));
  }

  /** A file an agent sent here, fetched with this conversation's token. */
  loadAttachment(attachmentId: string): Promise<Blob> {
    return this.api.attachment(this.conversationId, this.stored.token, attachmentId);
  }

  get conversationId(): string {
    return this.stored.conversationId;
  }

  get language(): string {
    return this.stored.language;
  }

  start(): void {
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    this.socket.start();
  }

  dispose(): void {
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    clearTimeout(this.typingTimer);
    this.typingSignal.stop();
    this.socket.stop();
  }

  send(text: string): void {
    if (this.timeline.ended) return;
    const clientId = `w-${randomId(10)}`;
    this.typingSignal.stop();
    this.update(() => (this.timeline = addPending(this.timeline, { clientId, text, sinceSeq: this.timeline.lastSeq })));
    this.socket.send({ t: 'message.send', conversationId: this.conversationId, clientId, text });
  }

  keystroke(): void {
    if (!this.timeline.ended) this.typingSignal.keystroke();
  }

  /** The customer ends the chat; the server's `conversation.ended_by_customer` event follows. */
  async end(): Promise<void> {
    await this.api.end(this.conversationId, this.stored.token);
    this.update(() => (this.timeline = { ...this.timeline, ended: true }));
    this.finish();
  }

  /** Only a definite "no" (401/404) gives up; a network failure keeps trying. */
  private async tokenStillValid(): Promise<boolean> {
    const valid = await this.api.tokenStillValid(this.conversationId, this.stored.token, this.timeline.lastSeq);
    if (valid !== false) return true;
    this.store.clearConversation();
    this.listener.lost();
    return false;
  }

  /** A frame from the call view (signalling, keys, hang-up); false while the socket reconnects. */
  sendFrame(frame: ClientFrame): boolean {
    return this.socket.send(frame);
  }

  private onFrame(frame: ServerFrame): void {
    this.frameListener?.(frame);
    switch (frame.t) {
      case 'hello':
        if (Array.isArray(frame.iceServers)) this.iceServers = frame.iceServers as RTCIceServer[];
        return;
      case 'event':
        if (frame.e.conversationId !== this.conversationId) return;
        if (CALL_EVENT_TYPES.has(frame.e.type) && !this.callEvents.some((e) => e.seq === frame.e.seq)) {
          this.callEvents.push(frame.e);
          if (frame.e.type === 'call.started') this.listener.callStarted?.();
        }
        if (frame.e.type === 'conversation.channel_switched' && frame.e.data.to !== 'voice' && frame.e.seq > this.timeline.lastSeq) {
          // The call attempt is over; a next one starts with a fresh call view.
          this.callEvents.length = 0;
          this.listener.callDropped?.();
        }
        this.update(() => (this.timeline = applyEvent(this.timeline, frame.e)));
        if (this.timeline.agentName || this.timeline.ended) this.queue = undefined;
        if (this.timeline.ended) this.finish();
        return;
      case 'ack':
        return this.update(() => (this.timeline = applyAck(this.timeline, frame.clientId)));
      case 'error':
        return this.refused(frame.clientId, frame.retryable === true);
      case 'queue':
        if (!this.timeline.agentName) this.update(() => (this.queue = { position: frame.position, expectedWaitSeconds: frame.expectedWaitSeconds }));
        return;
      case 'typing':
        if (frame.from === 'agent') this.setAgentTyping(frame.on);
        return;
      default:
        return;
    }
  }

  private refused(clientId: string | undefined, retryable: boolean): void {
    if (!clientId) return;
    if (retryable) {
      setTimeout(() => this.resendUnsent(), RETRY_REFUSED_SEND_MS);
      return;
    }
    this.update(() => (this.timeline = applyFailure(this.timeline, clientId)));
  }

  private setAgentTyping(on: boolean): void {
    clearTimeout(this.typingTimer);
    if (on) this.typingTimer = setTimeout(() => this.setAgentTyping(false), TYPING_TIMEOUT_MS);
    this.update(() => (this.agentTyping = on));
  }

  /** Same clientId as before: if the first attempt was stored after all, the server returns its seq. */
  private resendUnsent(): void {
    for (const message of unsent(this.timeline)) {
      this.socket.send({ t: 'message.send', conversationId: this.conversationId, clientId: message.clientId, text: message.text });
    }
  }

  private finish(): void {
    this.agentTyping = false;
    this.queue = undefined;
    this.socket.stop();
    this.store.clearConversation();
    this.listener.changed();
  }

  private update(change: () => void): void {
    change();
    if (!this.timeline.ended) this.store.saveConversation({ ...this.stored, lastSeq: this.timeline.lastSeq, pending: this.timeline.pending });
    this.listener.changed();
  }
}
