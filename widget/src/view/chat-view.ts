import type { Translate } from '../i18n/translate.js';
import { MAX_MESSAGE_LENGTH } from '../realtime/wire-types.js';
import type { AttachmentInfo, TimelineItem } from '../state/timeline.js';
import { el, icon, ICONS } from './dom.js';

export interface ChatActions {
  /** The customer presses "call" in a chat an agent handles. */
  call(): void;
  send(text: string): void;
  /** The bytes of a file an agent sent (fetched with the conversation token). */
  loadAttachment(id: string): Promise<Blob>;
  keystroke(): void;
  newChat(): void;
}

export interface ChatViewModel {
  items: TimelineItem[];
  status: string | undefined;
  typing: string | undefined;
  ended: boolean;
  /** Show the "call" button: the line takes calls, an agent talks with the customer, no call yet. */
  canCall: boolean;
}

/** The conversation: status line, message log, typing line, composer, and the "ended" box. */
export class ChatView {
  private readonly status = el('p', { class: 'status', role: 'status', 'data-testid': 'queue-status', hidden: true });
  private readonly log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'data-testid': 'message-list', tabindex: 0 });
  private readonly typing = el('div', { class: 'typing', 'data-testid': 'typing-indicator', 'aria-live': 'polite' });
  private readonly input = el('textarea', { id: 'centraal-input', rows: 1, maxlength: MAX_MESSAGE_LENGTH, 'data-testid': 'composer-input' });
  private readonly inputLabel = el('label', { for: 'centraal-input', class: 'sr' });
  private readonly sendButton = el('button', { type: 'submit', class: 'primary', 'data-testid': 'send-button' }, icon(ICONS.send, 20));
  private readonly composer = el('form', { class: 'composer', 'data-testid': 'composer' }, this.inputLabel, this.input, this.sendButton);
  private readonly endedText = el('p');
  private readonly newChatButton = el('button', { type: 'button', class: 'primary', 'data-testid': 'new-chat-button' });
  private readonly surveySlot = el('div');
  private readonly endedBox = el('div', { class: 'ended', 'data-testid': 'ended', hidden: true }, this.endedText, this.surveySlot, this.newChatButton);
  private readonly nodes = new Map<string, HTMLElement>();
  /** Fetched files by id, so a redrawn bubble does not fetch again. */
  private readonly files = new Map<string, Promise<Blob>>();
  private readonly callSlot = el('div');
  private readonly callButton = el('button', { type: 'button', class: 'secondary call-button', 'data-testid': 'call-button', hidden: true });
  readonly root = el('div', { class: 'body', 'data-testid': 'chat' }, this.callSlot, this.status, this.callButton, this.log, this.typing, this.composer, this.endedBox);

  constructor(private readonly actions: ChatActions) {
    this.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter is a new line; IME composition keeps its Enter.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener('input', () => actions.keystroke());
    this.newChatButton.addEventListener('click', () => actions.newChat());
    this.callButton.addEventListener('click', () => actions.call());
  }

  /** The call's status, keypad and buttons above the messages (loaded with the call script). */
  setCall(node: HTMLElement | undefined): void {
    if (node) this.callSlot.replaceChildren(node);
    else this.callSlot.replaceChildren();
  }

  focusComposer(): void {
    if (!this.composer.hidden) this.input.focus();
    else this.newChatButton.focus();
  }

  /** The survey (or nothing) between "Gesprek afgesloten" and "Nieuw gesprek". */
  setSurvey(node: HTMLElement | undefined): void {
    if (node) this.surveySlot.replaceChildren(node);
    else this.surveySlot.replaceChildren();
  }

  /** The panel was hidden while messages came in; show the newest when it opens. */
  scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  update(model: ChatViewModel, t: Translate): void {
    // Measured before anything changes height (new bubbles, the composer giving way to the "ended" box).
    const nearBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 60;
    this.inputLabel.textContent = t('composerLabel');
    this.input.placeholder = t('composerPlaceholder');
    this.sendButton.setAttribute('aria-label', t('send'));
    this.log.setAttribute('aria-label', t('messageList'));
    this.endedText.textContent = t('closed');
    this.newChatButton.textContent = t('newChat');
    this.callButton.textContent = t('call');
    this.callButton.hidden = !model.canCall;
    this.status.hidden = model.status === undefined;
    this.status.textContent = model.status ?? '';
    this.renderTyping(model.typing);
    const wasEnded = this.composer.hidden;
    this.composer.hidden = model.ended;
    this.endedBox.hidden = !model.ended;
    this.renderItems(model.items, t);
    if (nearBottom) this.log.scrollTop = this.log.scrollHeight;
    if (model.ended && !wasEnded && this.root.contains(document.activeElement ?? null)) this.newChatButton.focus();
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text) return;
    this.actions.send(text);
    this.input.value = '';
    this.input.focus();
  }

  private load(id: string): Promise<Blob> {
    let file = this.files.get(id);
    if (!file) {
      file = this.actions.loadAttachment(id);
      this.files.set(id, file);
      file.catch(() => this.files.delete(id));
    }
    return file;
  }

  /** A picture shows as a preview; every file has a download button (the token cannot go in a plain link). */
  private fileNode(file: AttachmentInfo, t: Translate): HTMLElement {
    const node = el('div', { class: 'file', 'data-testid': 'message-attachment', 'data-filename': file.filename });
    if (/^image\/(png|jpeg|gif|webp)$/.test(file.contentType)) {
      const img = el('img', { alt: file.filename, 'data-testid': 'attachment-preview' });
      node.append(img);
      // A data: URL, because the pages the widget lives on often allow data: images but not blob:.
      this.load(file.id).then(
        (blob) => {
          const reader = new FileReader();
          reader.onload = () => img.setAttribute('src', String(reader.result));
          reader.readAsDataURL(blob);
        },
        () => img.replaceWith(el('span', { class: 'state' }, t('attachmentFailed'))),
      );
    }
    const button = el('button', { type: 'button', class: 'option', 'data-testid': 'attachment-download', 'aria-label': t('download', { name: file.filename }) }, `${file.filename} (${Math.max(1, Math.ceil(file.size / 1024))} kB)`);
    button.addEventListener('click', () => {
      this.load(file.id).then(
        (blob) => {
          const url = URL.createObjectURL(blob);
          const link = el('a', { href: url, download: file.filename, hidden: true });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
        },
        () => button.after(el('span', { class: 'state', role: 'alert' }, t('attachmentFailed'))),
      );
    });
    node.append(button);
    return node;
  }

  private renderTyping(text: string | undefined): void {
    if (!text) return this.typing.replaceChildren();
    if (this.typing.firstChild?.textContent === text) return;
    this.typing.replaceChildren(el('span', {}, text), el('span', { class: 'dots', 'aria-hidden': 'true' }, el('span'), el('span'), el('span')));
  }

  /** Keyed update: existing bubbles are reused, so screen readers announce only new ones. */
  private renderItems(items: TimelineItem[], t: Translate): void {
    const keep = new Set(items.map((i) => i.key));
    for (const [key, node] of this.nodes) {
      if (keep.has(key)) continue;
      node.remove();
      this.nodes.delete(key);
    }
    let previous: HTMLElement | undefined;
    for (const item of items) {
      const fresh = bubble(item, t, (label) => this.actions.send(label), (file) => this.fileNode(file, t));
      const existing = this.nodes.get(item.key);
      const node = existing && existing.dataset.sig === fresh.dataset.sig ? existing : fresh;
      if (existing && node !== existing) existing.replaceWith(node);
      this.nodes.set(item.key, node);
      const expectedPlace: ChildNode | null = previous ? previous.nextSibling : this.log.firstChild;
      if (expectedPlace !== node) this.log.insertBefore(node, expectedPlace);
      previous = node;
    }
  }
}

function bubble(item: TimelineItem, t: Translate, choose: (label: string) => void, fileNode: (file: AttachmentInfo) => HTMLElement): HTMLElement {
  const text = item.notice ? noticeText(item, t) : item.text;
  const who = item.author === 'customer' ? t('you') : item.author === 'agent' ? (item.name ?? t('agent')) : '';
  const node = el('div', { class: 'msg', 'data-testid': 'message', 'data-author': item.author, 'data-status': item.status, ...(item.seq ? { 'data-seq': item.seq } : {}) });
  if (who) node.append(el('span', { class: 'who' }, who), el('span', { class: 'sr' }, ': '));
  // textContent via a text node: a message "<img src=x onerror=…>" stays text.
  if (text) node.append(el('span', { class: 'text' }, text));
  for (const file of item.attachments ?? []) node.append(fileNode(file));
  if (item.status !== 'sent') node.append(el('span', { class: 'state' }, item.status === 'pending' ? t('pending') : t('failed')));
  if (item.options?.length) {
    const choices = el('div', { class: 'options', role: 'group', 'aria-label': text });
    for (const label of item.options) {
      const button = el('button', { type: 'button', class: 'option', 'data-testid': 'option-button' }, label);
      button.addEventListener('click', () => choose(label));
      choices.append(button);
    }
    node.append(choices);
  }
  node.dataset.sig = `${item.status}|${who}|${text}|${item.options?.join('|') ?? ''}|${item.attachments?.map((a) => a.id).join('|') ?? ''}`;
  return node;
}

function noticeText(item: TimelineItem, t: Translate): string {
  if (item.notice === 'assigned') return item.name ? t('assigned', { name: item.name }) : t('assignedNoName');
  if (item.notice === 'transferred') return t('transferred');
  if (item.notice === 'callUnanswered') return t('callUnanswered');
  return t('closed');
}
