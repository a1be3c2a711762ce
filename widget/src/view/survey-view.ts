import type { Translate } from '../i18n/translate.js';
import { el } from './dom.js';

export interface SurveyAnswer {
  nps?: number;
  helpfulness?: number;
  comment?: string;
}

/**
 * A row of score buttons with radio semantics: one tab stop (the chosen or first button),
 * arrow keys move and choose, Space/Enter/click choose.
 */
function scale(id: string, label: string, hint: string, from: number, to: number, testId: string, chosen: (value: number) => void): HTMLElement {
  const group = el('div', { class: 'scale', role: 'radiogroup', 'aria-labelledby': `${id}-l`, 'aria-describedby': `${id}-h` });
  const buttons: HTMLButtonElement[] = [];
  const choose = (index: number, focus: boolean) => {
    buttons.forEach((b, i) => {
      b.setAttribute('aria-checked', String(i === index));
      b.tabIndex = i === index ? 0 : -1;
    });
    if (focus) buttons[index]?.focus();
    chosen(from + index);
  };
  for (let n = from; n <= to; n++) {
    const button = el('button', { type: 'button', role: 'radio', 'aria-checked': 'false', tabindex: n === from ? 0 : -1, 'data-testid': `${testId}-${n}` }, String(n));
    button.addEventListener('click', () => choose(n - from, false));
    button.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      choose((n - from + step + buttons.length) % buttons.length, true);
    });
    buttons.push(button);
    group.append(button);
  }
  return el('div', { class: 'q' }, el('p', { id: `${id}-l`, class: 'ql' }, label), group, el('p', { id: `${id}-h`, class: 'qh' }, hint));
}

/** The short survey in the "ended" box: NPS 0–10, helpfulness 1–10, optional comment, thanks. */
export class SurveyView {
  private readonly answer: SurveyAnswer = {};
  private readonly error = el('p', { class: 'error', role: 'alert' });
  private readonly submitButton = el('button', { type: 'submit', class: 'primary', 'data-testid': 'survey-submit' });
  private readonly comment = el('textarea', { id: 'centraal-survey-comment', rows: 2, maxlength: 2000, 'data-testid': 'survey-comment' });
  readonly root: HTMLFormElement;

  constructor(t: Translate, submit: (answer: SurveyAnswer) => Promise<void>) {
    this.submitButton.textContent = t('surveySubmit');
    this.root = el(
      'form',
      { class: 'survey', 'data-testid': 'survey', 'aria-label': t('surveyTitle') },
      el('p', { class: 'qt' }, t('surveyTitle')),
      scale('centraal-nps', t('surveyNps'), `${t('surveyNpsLow')}, ${t('surveyNpsHigh')}`, 0, 10, 'survey-nps', (v) => (this.answer.nps = v)),
      scale('centraal-help', t('surveyHelpfulness'), t('surveyHelpfulnessScale'), 1, 10, 'survey-helpfulness', (v) => (this.answer.helpfulness = v)),
      el('label', { for: 'centraal-survey-comment', class: 'ql' }, t('surveyComment')),
      this.comment,
      this.error,
      this.submitButton,
    );
    this.root.addEventListener('submit', (event) => {
      event.preventDefault();
      const comment = this.comment.value.trim();
      const answer = { ...this.answer, ...(comment ? { comment } : {}) };
      if (answer.nps === undefined && answer.helpfulness === undefined && !comment) {
        this.error.textContent = t('surveyEmpty');
        return;
      }
      this.error.textContent = '';
      this.submitButton.disabled = true;
      submit(answer).then(
        () => this.root.replaceChildren(el('p', { role: 'status', 'data-testid': 'survey-thanks' }, t('surveyThanks'))),
        () => {
          this.submitButton.disabled = false;
          this.error.textContent = t('surveyFailed');
        },
      );
    });
  }
}
