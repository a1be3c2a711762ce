import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectTop } from './select-top.js';

describe('selectTop', () => {
  it('does return the same items as a full sort when the limit is smaller than the list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 })), fc.integer({ min: 0, max: 12 }), (items, limit) => {
        const compare = (a: number, b: number): number => b - a;
        expect(selectTop(items, limit, compare)).toEqual([...items].sort(compare).slice(0, limit));
      }),
    );
  });
});
