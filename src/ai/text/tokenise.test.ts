import { describe, expect, it } from 'vitest';
import { foldAccents } from './fold-accents.js';
import { stemWord } from './stem-word.js';
import { splitWords, tokenise } from './tokenise.js';

describe('foldAccents', () => {
  it('does remove accents and lower-case when given French and Dutch letters', () => {
    expect(foldAccents('Élevé Crème Brûlée Geïnd Œuvre Straße')).toBe('eleve creme brulee geind oeuvre strasse');
  });
});

describe('stemWord', () => {
  it.each([
    ['fietsen', 'nl', 'fiets'],
    ['kaarten', 'nl', 'kaart'],
    ['bancaires', 'fr', 'bancair'],
    ['cartes', 'fr', 'cart'],
    ['running', 'en', 'run'],
    ['cards', 'en', 'card'],
  ] as const)('does stem %s to %s when the language is %s', (word, language, stem) => {
    expect(stemWord(word, language)).toBe(stem);
  });
});

describe('tokenise', () => {
  it('does drop French elisions and fold accents after stemming when the language is fr', () => {
    expect(tokenise("Où est l'argent de ma carte bancaire ?", 'fr')).toEqual(['ou', 'est', 'argent', 'de', 'ma', 'cart', 'bancair']);
  });

  it('does stem Dutch plurals and collapse numbers when the language is nl', () => {
    expect(tokenise('Ik wacht al 2 weken op mijn bankkaarten', 'nl')).toEqual(['ik', 'wacht', 'al', '#', 'wek', 'op', 'mijn', 'bankkaart']);
  });

  it('does keep negation as a word when English uses a clitic', () => {
    expect(tokenise("I can't pay, it hasn't arrived", 'en')).toEqual(['i', 'can', 'not', 'pay', 'it', 'has', 'not', 'arriv']);
  });

  it('does keep surface words when stemming is off', () => {
    expect(tokenise('Cartes bancaires', 'fr', { stem: false })).toEqual(['cartes', 'bancaires']);
  });

  it('does keep accents in split words when the stemmer still needs them', () => {
    expect(splitWords('Élevé, déjà!', 'fr')).toEqual(['élevé', 'déjà']);
  });
});
