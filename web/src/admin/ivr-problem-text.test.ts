import { describe, expect, it } from 'vitest';
import { IVR_PROBLEM_CODES } from '../../../src/core/ivr/ivr-problem-codes.js';
import { validateIvrFlow } from '../../../src/core/ivr/parse-ivr-flow.js';
import { dictionaries, type MessageKey } from '../i18n/dictionaries.js';
import { format } from '../i18n/format.js';
import { ivrProblemKey, ivrProblemText } from './ivr-problem-text.js';

const LANGUAGES = ['nl', 'fr', 'en'] as const;
const translator = (language: (typeof LANGUAGES)[number]) => (key: MessageKey, values?: Record<string, string | number>) => format(dictionaries[language][key], values);

describe('IVR problems in the admin language', () => {
  it.each(LANGUAGES)('%s has a text for every problem code the validator knows', (language) => {
    const missing = IVR_PROBLEM_CODES.filter((code) => !dictionaries[language][ivrProblemKey(code)]?.trim());
    expect(missing).toEqual([]);
  });

  it('fills in the values and keeps the English message for a code this UI does not know', () => {
    const problem = { path: 'nodes.vergeten', code: 'unreachable', params: { start: 'welkom' }, message: 'unreachable from start "welkom"' };
    expect(ivrProblemText(problem, translator('nl'))).toBe('Niet bereikbaar vanaf start "welkom"');
    expect(ivrProblemText(problem, translator('fr'))).toBe('Inaccessible depuis le début « welkom »');
    expect(ivrProblemText({ code: 'from_a_newer_server', params: {}, message: 'something new' }, translator('nl'))).toBe('something new');
    expect(ivrProblemText({ message: 'no code at all' }, translator('nl'))).toBe('no code at all');
  });

  it('leaves no placeholder unfilled for the problems the validator really produces', () => {
    const result = validateIvrFlow({
      languages: ['nl', 'fr'],
      defaultLanguage: 'en',
      start: 'welkom',
      nodes: {
        welkom: { type: 'message', prompt: { nl: 'Welkom.' }, next: 'menu' },
        menu: { type: 'menu', prompt: { nl: 'Kies 1.', fr: 'Tapez 1.' }, choices: { '1': 'nergens' }, fallback: 'a' },
        a: { type: 'set', priority: 1, next: 'b' },
        b: { type: 'set', priority: 2, next: 'a' },
        vergeten: { type: 'hangup' },
      },
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.length).toBeGreaterThanOrEqual(5);
    for (const language of LANGUAGES) {
      for (const problem of problems) expect(ivrProblemText(problem, translator(language)), `${language} ${problem.code}`).not.toMatch(/\{\w+\}/);
    }
  });
});
