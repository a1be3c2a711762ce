import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMessage } from './classify-message.js';

/** Clear swear words from each language's lexicon. */
const SWEAR_WORDS = ['klootzak', 'kanker', 'godverdomme', 'hufter', 'merde', 'connard', 'putain', 'salope', 'fuck', 'asshole', 'bastard', 'wanker'];
/** Innocent words from all three languages, none of which holds a context marker or negation. */
const INNOCENT = ['factuur', 'meterstand', 'vandaag', 'bank', 'kaart', 'facture', 'compteur', 'demain', 'carte', 'invoice', 'meter', 'today', 'card', 'app', 'limiet', 'adres', 'rekening', 'paiement', 'account', 'hallo', 'bonjour', 'hello', 'weer', 'encore', 'again'];
const LEET: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '5' };

const word = fc.constantFrom(...SWEAR_WORDS);
const innocent = fc.array(fc.constantFrom(...INNOCENT), { maxLength: 8 });

function leet(text: string, mask: readonly boolean[]): string {
  return [...text].map((char, i) => (mask[i % mask.length] ? (LEET[char] ?? char) : char)).join('');
}

describe('classifyMessage properties', () => {
  it('keeps a clear swear word flagged when innocent words surround it', () => {
    fc.assert(
      fc.property(innocent, word, innocent, (before, swear, after) => {
        const result = classifyMessage([...before, swear, ...after].join(' '));
        expect(result.label).toBe('swearing');
        expect(result.evidence.some((e) => e.category === 'swearing')).toBe(true);
      }),
    );
  });

  it('still catches a lexicon word when it is written in leetspeak', () => {
    fc.assert(
      fc.property(word, fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), (swear, mask) => {
        expect(classifyMessage(leet(swear, mask)).label).toBe('swearing');
      }),
    );
  });

  it('still catches a lexicon word when its letters are spaced out', () => {
    fc.assert(
      fc.property(word, fc.constantFrom(' ', '.', '-', '_', ' . '), (swear, spacer) => {
        expect(classifyMessage([...swear].join(spacer)).label).toBe('swearing');
      }),
    );
  });

  it('still catches a lexicon word when one of its letters is repeated', () => {
    fc.assert(
      fc.property(word, fc.nat(), fc.integer({ min: 3, max: 8 }), (swear, at, times) => {
        const index = at % swear.length;
        const stretched = swear.slice(0, index) + (swear[index] ?? '').repeat(times) + swear.slice(index + 1);
        expect(classifyMessage(stretched).label).toBe('swearing');
      }),
    );
  });

  it('never throws and always returns a score between 0 and 1 for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        const result = classifyMessage(text);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
      }),
    );
  });
});
