import type { LineInfo } from '../api/widget-api.js';
import { isUiLanguage, localized, type Translate } from '../i18n/translate.js';
import type { UiLanguage } from '../i18n/messages.js';
import { el } from './dom.js';

const LANGUAGE_NAMES: Record<UiLanguage, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

export interface PrechatChoice {
  language: UiLanguage;
  topicId?: string;
  channel?: 'chat' | 'voice';
}

export interface PrechatActions {
  languageChanged(language: UiLanguage): void;
  start(choice: PrechatChoice): void;
}

/** The choices before a chat: language and topic, as the line defines them. */
export function renderPrechat(line: LineInfo, language: UiLanguage, t: Translate, busy: boolean, error: string | undefined, actions: PrechatActions): HTMLElement {
  const languages = line.languages.filter(isUiLanguage);
  const languageSelect = el('select', { id: 'centraal-language', 'data-testid': 'language-select' });
  for (const code of languages) languageSelect.append(el('option', { value: code, selected: code === language, lang: code }, LANGUAGE_NAMES[code]));
  languageSelect.addEventListener('change', () => {
    if (isUiLanguage(languageSelect.value)) actions.languageChanged(languageSelect.value);
  });

  const topicSelect = el('select', { id: 'centraal-topic', 'data-testid': 'topic-select' }, el('option', { value: '' }, t('topicNone')));
  for (const topic of line.topics) topicSelect.append(el('option', { value: topic.id }, localized(topic.label, language)));

  const startButton = el('button', { type: 'submit', class: 'primary', 'data-testid': 'start-button', disabled: busy }, busy ? t('starting') : t('start'));
  const choice = (): PrechatChoice => ({ language, ...(topicSelect.value ? { topicId: topicSelect.value } : {}) });
  const callButton = line.channels?.includes('voice') ? el('button', { type: 'button', class: 'secondary', 'data-testid': 'call-start-button', disabled: busy }, t('call')) : '';
  if (callButton) callButton.addEventListener('click', () => !busy && actions.start({ ...choice(), channel: 'voice' }));
  const form = el(
    'form',
    { class: 'pad', 'data-testid': 'prechat', novalidate: true },
    el('p', { class: 'intro' }, languages.length > 1 ? t('prechatIntro') : t('prechatIntroTopicOnly')),
    line.anonymous ? el('p', { class: 'note' }, t('anonymousNote')) : '',
    languages.length > 1 ? el('div', { class: 'field' }, el('label', { for: 'centraal-language' }, t('languageLabel')), languageSelect) : '',
    line.topics.length ? el('div', { class: 'field' }, el('label', { for: 'centraal-topic' }, t('topicLabel')), topicSelect) : '',
    error ? el('p', { class: 'error', role: 'alert' }, error) : '',
    el('div', { class: 'start-row' }, startButton, callButton),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    actions.start(choice());
  });
  return form;
}

/** A plain message with an optional action button (closed line, load failure). */
export function renderNotice(text: string, action?: { label: string; testId: string; run(): void }): HTMLElement {
  const box = el('div', { class: 'pad', 'data-testid': 'notice' }, el('p', { class: 'intro', role: 'status' }, text));
  if (action) {
    const button = el('button', { type: 'button', class: 'primary', 'data-testid': action.testId }, action.label);
    button.addEventListener('click', () => action.run());
    box.append(button);
  }
  return box;
}
