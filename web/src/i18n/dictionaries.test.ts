import { describe, expect, it } from 'vitest';
import { dictionaries } from './dictionaries.js';
import { format, pickText } from './format.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const keys = Object.keys(dictionaries.nl).sort();

  it.each(['fr', 'en'] as const)('%s has exactly the keys of nl', (language) => {
    expect(Object.keys(dictionaries[language]).sort()).toEqual(keys);
  });

  it.each(['nl', 'fr', 'en'] as const)('%s has no empty text', (language) => {
    expect(Object.entries(dictionaries[language]).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    for (const key of keys) {
      const expected = placeholders(dictionaries.nl[key as keyof typeof dictionaries.nl]);
      expect(placeholders(dictionaries.fr[key as keyof typeof dictionaries.fr]), key).toEqual(expected);
      expect(placeholders(dictionaries.en[key as keyof typeof dictionaries.en]), key).toEqual(expected);
    }
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Nog {seconds} s, {x}', { seconds: 12 })).toBe('Nog 12 s, {x}');
  });
});

describe('pickText', () => {
  it('falls back to Dutch when the UI language is missing', () => {
    expect(pickText({ nl: 'Kaart blokkeren' }, 'fr')).toBe('Kaart blokkeren');
  });
});
