import { describe, expect, it } from 'vitest';
import { matchClarificationChoice } from './match-clarification-choice.js';

const options = [{ intent: 'kaart_blokkeren', label: 'Kaart blokkeren' }, { intent: 'limiet_wijzigen', label: 'Limiet wijzigen' }];

describe('matchClarificationChoice', () => {
  it.each([
    ['Kaart blokkeren', 'kaart_blokkeren'],
    ['limiet wijzigen!', 'limiet_wijzigen'],
    ['de tweede', 'limiet_wijzigen'],
    ['the first', 'kaart_blokkeren'],
    ['le deuxième', 'limiet_wijzigen'],
  ])('does pick the option when the reply is "%s"', (text, intent) => {
    expect(matchClarificationChoice(text, options)).toBe(intent);
  });

  it('does pick nothing when the reply is a new question', () => {
    expect(matchClarificationChoice('hoe wijzig ik mijn adres?', options)).toBeNull();
  });
});
