import { describe, expect, it } from 'vitest';
import { CATALOGUES, UI_LANGUAGES } from './messages.js';
import { localized, pickLanguage, translator } from './translate.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('has every Dutch key, non-empty, in French and English', () => {
    const keys = Object.keys(CATALOGUES.nl).sort();
    for (const language of UI_LANGUAGES) {
      expect(Object.keys(CATALOGUES[language]).sort()).toEqual(keys);
      for (const key of keys) expect(CATALOGUES[language][key as keyof typeof CATALOGUES.nl].trim()).not.toBe('');
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const [key, text] of Object.entries(CATALOGUES.nl)) {
      for (const language of UI_LANGUAGES) {
        expect(placeholders(CATALOGUES[language][key as keyof typeof CATALOGUES.nl]), `${language}.${key}`).toEqual(placeholders(text));
      }
    }
  });
});

describe('translator', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('nl');
    expect(t('queue', { position: 3, minutes: 2 })).toBe('Je bent nummer 3 in de wachtrij — verwachte wachttijd ongeveer 2 min');
    expect(t('assigned', {})).toBe('{name} neemt je gesprek aan');
  });
});

describe('pickLanguage', () => {
  it('prefers data-language when the line offers it', () => {
    expect(pickLanguage(['nl', 'fr', 'en'], 'fr', 'en')).toBe('fr');
  });
  it('falls back to the page language when data-language is missing or not offered', () => {
    expect(pickLanguage(['nl', 'fr', 'en'], undefined, 'en-GB')).toBe('en');
    expect(pickLanguage(['nl', 'en'], 'fr', 'EN')).toBe('en');
  });
  it('uses the line first language when neither is offered', () => {
    expect(pickLanguage(['nl'], 'en', 'fr')).toBe('nl');
    expect(pickLanguage(['de'], undefined, undefined)).toBe('nl');
  });
});

describe('localized', () => {
  it('falls back to Dutch when a topic has no label in the language', () => {
    expect(localized({ nl: 'Pesten', en: 'Bullying' }, 'fr')).toBe('Pesten');
    expect(localized({ nl: 'Pesten', en: 'Bullying' }, 'en')).toBe('Bullying');
  });
});
