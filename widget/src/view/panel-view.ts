import type { ConnectionState } from '../realtime/chat-socket.js';
import type { Translate } from '../i18n/translate.js';
import { el, icon, ICONS } from './dom.js';

export interface PanelActions {
  toggle(): void;
  close(): void;
  end(): void;
}

/** The launcher button and the panel around the current view (pre-chat, chat, notices). */
export class PanelView {
  readonly launcher = el('button', { type: 'button', class: 'launcher', 'data-testid': 'launcher', 'aria-expanded': 'false', 'aria-controls': 'centraal-panel' });
  private readonly launcherLabel = el('span');
  private readonly title = el('h2', { class: 'title', id: 'centraal-title' });
  private readonly endButton = el('button', { type: 'button', class: 'end', 'data-testid': 'end-button', hidden: true });
  private readonly closeButton = el('button', { type: 'button', class: 'icon-btn', 'data-testid': 'close-button' }, icon(ICONS.close, 22));
  private readonly connection = el('div', { class: 'conn', role: 'status', 'data-testid': 'connection-status', 'data-state': 'online' });
  private readonly body = el('div', { class: 'body' });
  readonly panel = el(
    'div',
    { class: 'panel', id: 'centraal-panel', role: 'dialog', 'aria-labelledby': 'centraal-title', 'data-testid': 'panel', 'data-state': 'closed', hidden: true },
    el('div', { class: 'header' }, this.title, this.endButton, this.closeButton),
    this.connection,
    this.body,
  );

  constructor(actions: PanelActions) {
    this.launcher.append(icon(ICONS.chat), this.launcherLabel);
    this.launcher.addEventListener('click', () => actions.toggle());
    this.closeButton.addEventListener('click', () => actions.close());
    this.endButton.addEventListener('click', () => actions.end());
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        actions.close();
      }
    });
  }

  setOpen(open: boolean): void {
    this.launcher.setAttribute('aria-expanded', String(open));
    this.panel.hidden = !open;
    // One frame later, so the opacity transition runs (it is off under prefers-reduced-motion).
    requestAnimationFrame(() => this.panel.setAttribute('data-state', open ? 'open' : 'closed'));
  }

  isOpen(): boolean {
    return !this.panel.hidden;
  }

  setTexts(t: Translate, lineName: string | undefined, open: boolean): void {
    this.launcherLabel.textContent = open ? t('launcherClose') : t('launcherOpen');
    // Just the line's name: the header also holds the end and close buttons and must stay short.
    this.title.textContent = lineName ?? t('launcherOpen');
    this.endButton.textContent = t('end');
    this.closeButton.setAttribute('aria-label', t('minimize'));
  }

  setEndVisible(visible: boolean): void {
    this.endButton.hidden = !visible;
  }

  /** `undefined` hides the bar (no conversation yet); 'online' is also hidden but readable by tests. */
  setConnection(state: ConnectionState | undefined, t: Translate): void {
    this.connection.hidden = state === undefined;
    this.connection.setAttribute('data-state', state ?? 'none');
    this.connection.textContent = state === 'reconnecting' ? t('reconnecting') : state === 'connecting' ? t('connecting') : state === 'online' ? t('online') : '';
  }

  setBody(view: HTMLElement): void {
    if (this.body.firstElementChild !== view) this.body.replaceChildren(view);
  }
}
