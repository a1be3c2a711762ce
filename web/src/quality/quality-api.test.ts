import { describe, expect, it } from 'vitest';
import { formatEuros, parseEuros } from './quality-api.js';

describe('euro amounts', () => {
  it('parses amounts with a comma or a point and at most two decimals', () => {
    expect(parseEuros('25')).toBe(2500);
    expect(parseEuros('25,5')).toBe(2550);
    expect(parseEuros(' 12.05 ')).toBe(1205);
    expect(parseEuros('1,234')).toBeNull();
    expect(parseEuros('-3')).toBeNull();
    expect(parseEuros('')).toBeNull();
  });

  it('formats cents as euros in the UI locale', () => {
    expect(formatEuros(2550, 'en-GB')).toBe('€25.50');
    expect(formatEuros(2550, 'nl-BE')).toMatch(/25,50/);
  });
});
