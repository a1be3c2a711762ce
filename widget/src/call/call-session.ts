import type { UiLanguage } from '../i18n/messages.js';
import type { ServerFrame, WireEvent } from '../realtime/wire-types.js';
import { el } from '../view/dom.js';
import { CallMedia } from './call-media.js';
import type { CallHandle, CallHost } from './call-module.js';
import { callText, type CallTextKey } from './call-texts.js';

export type CallPhase = 'connecting' | 'ivr' | 'queued' | 'ringing' | 'connected' | 'on_hold' | 'transferring' | 'ended';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
/** Prompts older than this (a reload replaying the log) are shown, not spoken again. */
const SPEAK_RECENT_MS = 15_000;
const CALL_STYLES = `
.call{border-bottom:1px solid #d0d5dd;padding:10px 14px;background:#f5f7fa}
.call .call-status{margin:0 0 4px;font-weight:600}
.call .prompt{margin:0 0 8px;font-size:14px;white-space:pre-line}
.call .keypad{display:grid;grid-template-columns:repeat(3,1fr);gap:6px;margin:8px 0}
.call .keypad button{padding:8px 0;font-size:16px;border:1px solid #98a2b3;border-radius:6px;background:#fff;color:#101828;cursor:pointer}
.call .actions{display:flex;gap:8px}
.call .actions button{flex:1;padding:8px;border-radius:6px;border:1px solid #98a2b3;background:#fff;color:#101828;cursor:pointer;font-size:14px}
.call .actions .hangup{background:#b42318;border-color:#b42318;color:#fff}
.call button:focus-visible{outline:3px solid #175cd3;outline-offset:2px}
.call [aria-pressed="true"]{background:#344054;color:#fff}
`;

/** One call in the widget: follows the call's events, runs the audio, and draws status, keypad, mute and hang-up. */
export class CallSession implements CallHandle {
  phase: CallPhase = 'connecting';
  private agentName: string | undefined;
  /** The prompts since the caller last pressed a key (a language menu says one line per language). */
  private prompts: string[] = [];
  private queue: { position: number; expectedWaitSeconds: number } | undefined;
  private muted = false;
  private readonly media: CallMedia;
  private mediaTimer: ReturnType<typeof setTimeout> | undefined;
  private answeredCount = 0;
  private connectedCount = 0;
  private lastSpokenQueue = '';
  private readonly status = el('p', { class: 'call-status', role: 'status', 'data-testid': 'call-status', 'data-state': 'connecting' });
  private readonly promptLine = el('p', { class: 'prompt', 'data-testid': 'ivr-prompt', 'aria-live': 'polite' });
  private readonly keypad = el('div', { class: 'keypad', role: 'group', 'data-testid': 'keypad' });
  private readonly muteButton = el('button', { type: 'button', 'data-testid': 'mute-button', 'aria-pressed': 'false' });
  private readonly hangupButton = el('button', { type: 'button', class: 'hangup', 'data-testid': 'hangup-button' });
  private readonly problem = el('p', { class: 'prompt', role: 'alert', 'data-testid': 'call-problem', hidden: true });
  readonly root = el('section', { class: 'call', 'data-testid': 'call' });

  constructor(
    private readonly host: CallHost,
    history: readonly WireEvent[],
  ) {
    const t = (key: CallTextKey) => callText(host.language, key);
    this.root.setAttribute('aria-label', t('title'));
    this.keypad.setAttribute('aria-label', t('keypad'));
    for (const key of KEYS) {
      const button = el('button', { type: 'button', 'data-testid': `keypad-key-${key === '*' ? 'star' : key === '#' ? 'hash' : key}` }, key);
      button.addEventListener('click', () => this.press(key));
      this.keypad.append(button);
    }
    this.hangupButton.textContent = t('hangup');
    this.muteButton.addEventListener('click', () => this.toggleMute());
    this.hangupButton.addEventListener('click', () => this.hangUp());
    this.root.append(el('style', {}, CALL_STYLES), this.status, this.promptLine, this.problem, this.keypad, el('div', { class: 'actions' }, this.muteButton, this.hangupButton));
    this.media = new CallMedia(host.conversationId, (frame) => host.send(frame));
    for (const event of history) this.onEvent(event, false);
    this.render();
  }

  onFrame(frame: ServerFrame): void {
    if (frame.t === 'event' && frame.e.conversationId === this.host.conversationId) this.onEvent(frame.e, true);
    else if (frame.t === 'queue') this.onQueue(frame.position, frame.expectedWaitSeconds);
    else if (frame.t === 'call.answer' && frame.conversationId === this.host.conversationId) void this.media.acceptAnswer(frame.sdp);
    else if (frame.t === 'call.ice' && frame.conversationId === this.host.conversationId) void this.media.addIce(frame.candidate);
    else if (frame.t === 'call.renegotiate' && frame.conversationId === this.host.conversationId) this.offerAgain();
    else return;
    this.render();
  }

  dispose(): void {
    clearTimeout(this.mediaTimer);
    this.media.close();
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
  }

  private onEvent(event: WireEvent, live: boolean): void {
    const text = typeof event.data.text === 'string' ? event.data.text : '';
    switch (event.type) {
      case 'ivr.prompt':
        if (this.phase === 'ended') return;
        this.phase = 'ivr';
        this.prompts = [...this.prompts, text].slice(-4);
        if (live && Date.now() - Date.parse(event.at) < SPEAK_RECENT_MS) this.speak(text, typeof event.data.language === 'string' ? event.data.language : this.host.language);
        return;
      case 'conversation.queued':
        this.phase = 'queued';
        this.prompts = [];
        return;
      case 'call.ringing':
        this.phase = 'ringing';
        return;
      case 'conversation.assigned':
        if (typeof event.data.agentName === 'string') this.agentName = event.data.agentName;
        return;
      case 'call.answered':
        if (typeof event.data.agentName === 'string') this.agentName = event.data.agentName;
        this.phase = 'connected';
        this.answeredCount++;
        return this.scheduleMedia();
      case 'call.held':
        if (this.phase === 'connected') this.phase = 'on_hold';
        return;
      case 'call.resumed':
        if (this.phase === 'on_hold') this.phase = 'connected';
        return;
      case 'conversation.transferred':
        this.phase = 'transferring';
        return this.scheduleMedia();
      case 'call.ended':
      case 'conversation.closed':
      case 'conversation.ended_by_customer':
        this.phase = 'ended';
        return this.scheduleMedia();
      default:
        return;
    }
  }

  private onQueue(position: number, expectedWaitSeconds: number): void {
    this.queue = { position, expectedWaitSeconds };
    if (this.phase !== 'queued') return;
    const minutes = Math.max(1, Math.round(expectedWaitSeconds / 60));
    const key = `${position}:${minutes}`;
    if (key === this.lastSpokenQueue) return;
    this.lastSpokenQueue = key;
    this.speak(callText(this.host.language, 'queuedSpoken', { position, minutes }), this.host.language);
  }

  /**
   * Media follows the call's state once the events settle: a replay after a reload may pass
   * through several answers and transfers, and only the last state gets a connection.
   */
  private scheduleMedia(): void {
    clearTimeout(this.mediaTimer);
    this.mediaTimer = setTimeout(() => this.reconcileMedia(), 60);
  }

  private reconcileMedia(): void {
    const talking = this.phase === 'connected' || this.phase === 'on_hold';
    if (!talking) {
      this.media.close();
      this.connectedCount = this.answeredCount;
      return;
    }
    if (this.media.active && this.connectedCount === this.answeredCount) return;
    this.connectedCount = this.answeredCount;
    this.media.start(this.host.iceServers()).catch(() => {
      this.problem.textContent = callText(this.host.language, 'noMicrophone');
      this.problem.hidden = false;
    });
  }

  /** The agent's browser lost the call's media (a reload): offer a fresh connection. */
  private offerAgain(): void {
    if (this.phase !== 'connected' && this.phase !== 'on_hold') return;
    this.answeredCount++;
    this.scheduleMedia();
  }

  private press(key: string): void {
    if (this.phase === 'ended') return;
    if (this.phase === 'ivr') this.prompts = [];
    this.render();
    this.host.send({ t: 'call.dtmf', conversationId: this.host.conversationId, clientId: clientId(), digits: key });
  }

  private toggleMute(): void {
    this.muted = !this.muted;
    this.media.setMuted(this.muted);
    if (this.phase === 'connected' || this.phase === 'on_hold') this.host.send({ t: 'call.mute', conversationId: this.host.conversationId, clientId: clientId(), muted: this.muted });
    this.render();
  }

  private hangUp(): void {
    if (this.phase === 'ended') return;
    if (!this.host.send({ t: 'call.hangup', conversationId: this.host.conversationId, clientId: clientId() })) this.host.hangUpOffline();
    this.phase = 'ended';
    this.media.close();
    this.render();
  }

  private speak(text: string, language: string): void {
    if (!text || !('speechSynthesis' in window)) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language === 'fr' ? 'fr-BE' : language === 'en' ? 'en-GB' : 'nl-BE';
    window.speechSynthesis.speak(utterance);
  }

  private render(): void {
    const language: UiLanguage = this.host.language;
    const t = (key: CallTextKey, params?: Record<string, string | number>) => callText(language, key, params);
    this.status.dataset.state = this.phase;
    this.status.textContent = this.statusText(t);
    this.promptLine.textContent = this.phase === 'ivr' ? this.prompts.join('\n') : '';
    this.promptLine.hidden = this.phase !== 'ivr';
    this.keypad.hidden = !(this.phase === 'ivr' || this.phase === 'connected');
    this.muteButton.textContent = this.muted ? t('unmute') : t('mute');
    this.muteButton.setAttribute('aria-pressed', String(this.muted));
    this.muteButton.hidden = this.phase === 'ended';
    this.hangupButton.hidden = this.phase === 'ended';
  }

  private statusText(t: (key: CallTextKey, params?: Record<string, string | number>) => string): string {
    switch (this.phase) {
      case 'connecting':
        return t('connecting');
      case 'ivr':
        return t('ivr');
      case 'queued':
        return this.queue ? t('queued', { position: this.queue.position, minutes: Math.max(1, Math.round(this.queue.expectedWaitSeconds / 60)) }) : t('queuedNoPosition');
      case 'ringing':
        return t('ringing');
      case 'connected':
        return this.agentName ? t('connected', { name: this.agentName }) : t('connectedNoName');
      case 'on_hold':
        return t('onHold');
      case 'transferring':
        return t('transferring');
      case 'ended':
        return t('ended');
    }
  }
}

function clientId(): string {
  return `k-${Math.random().toString(36).slice(2, 12)}`;
}
