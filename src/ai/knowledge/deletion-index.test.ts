import { describe, expect, it } from 'vitest';
import { allowedEdits, DeletionIndex } from './deletion-index.js';
import { SortedWords } from './sorted-words.js';

describe('DeletionIndex', () => {
  const index = new DeletionIndex();
  for (const word of ['blokkeren', 'blokkeer', 'kaart', 'hospitalisation', 'taart']) index.add(word);

  it.each([
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
  ])('does allow %i-letter words %i edits', (length, edits) => {
    expect(allowedEdits(length)).toBe(edits);
  });

  it('does find a word one deletion, insertion, substitution or swap away when the query has 4 to 7 letters', () => {
    expect(index.near('kart')).toEqual([{ word: 'kaart', edits: 1 }]);
    expect(index.near('kaartt')).toEqual([{ word: 'kaart', edits: 1 }]);
    expect(index.near('kaare')).toEqual([{ word: 'kaart', edits: 1 }]);
  });

  it('does find words two edits away when the query has eight letters or more', () => {
    expect(index.near('hosptalisaton')).toEqual([{ word: 'hospitalisation', edits: 2 }]);
    expect(index.near('bolkkeren')).toEqual([{ word: 'blokkeren', edits: 2 }]);
    expect(index.near('bolkkeer')).toEqual([{ word: 'blokkeer', edits: 2 }]);
  });

  it('does forget a word when its last use is removed', () => {
    const own = new DeletionIndex();
    own.add('kaart');
    own.add('kaart');
    own.remove('kaart');
    expect(own.near('kart')).toHaveLength(1);
    own.remove('kaart');
    expect(own.near('kart')).toEqual([]);
    expect(own.has('kaart')).toBe(false);
  });
});

describe('SortedWords', () => {
  it('does list words with a prefix in order when words arrive unsorted', () => {
    const words = new SortedWords();
    for (const word of ['kaartje', 'bank', 'kaart', 'kaas', 'kaart']) words.add(word);
    expect(words.withPrefix('kaa', 10)).toEqual(['kaart', 'kaartje', 'kaas']);
    expect(words.withPrefix('kaa', 2)).toEqual(['kaart', 'kaartje']);
    words.remove('kaart');
    expect(words.withPrefix('kaart', 10)).toEqual(['kaart', 'kaartje']);
    words.remove('kaart');
    expect(words.withPrefix('kaart', 10)).toEqual(['kaartje']);
  });
});
