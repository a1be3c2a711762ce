import { describe, expect, it } from 'vitest';
import { sealAddress, unsealAddress } from './sealed-address.js';

describe('sealed addresses', () => {
  it('round-trips, never shows the address, and differs each time', () => {
    const a = sealAddress('tenant-secret', 'jan.jansen@example.org');
    const b = sealAddress('tenant-secret', 'jan.jansen@example.org');
    expect(a).not.toContain('jansen');
    expect(a).not.toBe(b);
    expect(unsealAddress('tenant-secret', a)).toBe('jan.jansen@example.org');
  });

  it('refuses another tenant secret and a tampered value', () => {
    const sealed = sealAddress('tenant-secret', '32470000000');
    expect(() => unsealAddress('other-secret', sealed)).toThrow();
    const parts = sealed.split('.');
    parts[2] = parts[2]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(() => unsealAddress('tenant-secret', parts.join('.'))).toThrow();
  });
});
