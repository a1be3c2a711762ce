import { describe, expect, it } from 'vitest';
import { readsAsCompliment, surveyBecomesCompliment } from './index.js';

describe('readsAsCompliment', () => {
  it.each([
    'Super geholpen, bedankt!',
    'Bedankt voor de snelle hulp',
    'Heel vriendelijk, dank je wel',
    'Merci beaucoup !',
    'Très aimable, merci',
    'Vous m’avez très bien aidé',
    'Thank you so much!',
    'Great help, really',
    'Thanks, that was very helpful',
  ])('reads "%s" as a compliment', (text) => {
    expect(readsAsCompliment(text).positive).toBe(true);
  });

  it.each([
    'Niet bedankt.',
    'Bedankt voor niets',
    'Ik ben niet geholpen',
    'Niet super geholpen eigenlijk',
    'Merci pour rien',
    "Pas très aimable, l'agent",
    'No thanks to you',
    'Thanks for nothing',
    'Not great help to be honest',
    'Bedankt, maar slecht geholpen',
    'Ik wil mijn kaart blokkeren',
    '',
  ])('does not read "%s" as a compliment', (text) => {
    expect(readsAsCompliment(text).positive).toBe(false);
  });

  it('does not match part of a word', () => {
    expect(readsAsCompliment('thanksgiving plans').positive).toBe(false);
  });

  it('gives the phrase that matched or vetoed', () => {
    expect(readsAsCompliment('Super geholpen, bedankt!')).toMatchObject({ positive: true });
    expect(readsAsCompliment('no thanks to you')).toEqual({ positive: false, negatedBy: 'no thanks to you' });
  });
});

describe('surveyBecomesCompliment', () => {
  it('needs both a positive comment and NPS 9 or 10', () => {
    expect(surveyBecomesCompliment({ nps: 10, comment: 'Super geholpen, bedankt!' })).toBe(true);
    expect(surveyBecomesCompliment({ nps: 9, comment: 'merci beaucoup' })).toBe(true);
    expect(surveyBecomesCompliment({ nps: 8, comment: 'Super geholpen, bedankt!' })).toBe(false);
    expect(surveyBecomesCompliment({ nps: null, comment: 'thank you so much' })).toBe(false);
    expect(surveyBecomesCompliment({ nps: 10, comment: 'no thanks to you' })).toBe(false);
    expect(surveyBecomesCompliment({ nps: 10 })).toBe(false);
  });
});
