import { describe, expect, it } from 'vitest';
import { guessLanguage } from './guess-language.js';

describe('guessLanguage', () => {
  it('tells Dutch, French and English apart among the offered languages', () => {
    expect(guessLanguage('Bonjour, je voudrais changer le plan de paiement de ma facture.', ['nl', 'fr'])).toBe('fr');
    expect(guessLanguage('Goedemiddag, mijn factuur van maart is te hoog en ik wil een betalingsplan.', ['nl', 'fr'])).toBe('nl');
    expect(guessLanguage('Hello, my card does not work in the shop, can you help?', ['nl', 'fr', 'en'])).toBe('en');
  });

  it('says nothing when the text is too short or mixed, or the language is not offered', () => {
    expect(guessLanguage('ok', ['nl', 'fr'])).toBeNull();
    expect(guessLanguage('Hello, my card does not work in the shop, can you help?', ['nl', 'fr'])).toBeNull();
  });
});
