import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderedBucket } from './ordered-bucket.js';

const byValue = (a: number, b: number): number => a - b;

describe('OrderedBucket', () => {
  it('keeps items sorted when they arrive out of order', () => {
    const bucket = new OrderedBucket<number>(byValue);
    for (const value of [5, 1, 9, 3, 7]) bucket.insert(value);
    expect([...bucket]).toEqual([1, 3, 5, 7, 9]);
    expect(bucket.peek()).toBe(1);
  });

  it('reuses the consumed head slot when an item returns to the front', () => {
    const bucket = new OrderedBucket<number>(byValue);
    for (const value of [1, 2, 3]) bucket.insert(value);
    bucket.remove(1);
    bucket.insert(0);
    expect([...bucket]).toEqual([0, 2, 3]);
    expect(bucket.size).toBe(3);
  });

  it('reports false when removing an item that is not there', () => {
    const bucket = new OrderedBucket<number>(byValue);
    bucket.insert(2);
    expect(bucket.remove(3)).toBe(false);
    expect(bucket.size).toBe(1);
  });

  it('counts the prefix before a position by binary search', () => {
    const bucket = new OrderedBucket<number>(byValue);
    for (const value of [10, 20, 30, 40]) bucket.insert(value);
    bucket.remove(10);
    expect(bucket.countWhile((value) => value < 35)).toBe(2);
    expect(bucket.find((value) => value > 25)).toBe(30);
  });

  it('behaves like a sorted array when given any sequence of inserts and removals', () => {
    const operation = fc.oneof(
      fc.record({ insert: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ remove: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 3000 }), (operations) => {
        const bucket = new OrderedBucket<{ value: number }>((a, b) => a.value - b.value);
        const model: { value: number }[] = [];
        for (const op of operations) {
          if ('insert' in op) {
            const item = { value: op.insert };
            bucket.insert(item);
            model.push(item);
            model.sort((a, b) => a.value - b.value);
          } else if (model.length > 0) {
            // Any item, also one of several that compare equal.
            const index = op.remove % model.length;
            expect(bucket.remove(model[index] as { value: number })).toBe(true);
            model.splice(index, 1);
          }
        }
        expect([...bucket].map((item) => item.value)).toEqual(model.map((item) => item.value));
        expect(bucket.size).toBe(model.length);
      }),
      { numRuns: 200 },
    );
  });
});
