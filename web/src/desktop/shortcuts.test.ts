import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts.js';

const key = (k: string, extra: Partial<{ altKey: boolean; ctrlKey: boolean; code: string }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...extra });

describe('shortcutFor', () => {
  it('maps Alt+A to accept', () => {
    expect(shortcutFor(key('a', { altKey: true, code: 'KeyA' }), false)).toEqual({ kind: 'accept' });
  });
  it('maps Alt+3 to the third conversation', () => {
    expect(shortcutFor(key('3', { altKey: true, code: 'Digit3' }), true)).toEqual({ kind: 'select', index: 2 });
  });
  it('uses the physical key when Alt changes the character (macOS)', () => {
    expect(shortcutFor(key('å', { altKey: true, code: 'KeyA' }), false)).toEqual({ kind: 'accept' });
  });
  it('maps Alt+F to flag, also while typing', () => {
    expect(shortcutFor(key('f', { altKey: true, code: 'KeyF' }), true)).toEqual({ kind: 'flag' });
    expect(shortcutFor(key('ƒ', { altKey: true, code: 'KeyF' }), false)).toEqual({ kind: 'flag' });
  });
  it('opens help with ? outside a text field only', () => {
    expect(shortcutFor(key('?'), false)).toEqual({ kind: 'help' });
    expect(shortcutFor(key('?'), true)).toBeNull();
  });
  it('ignores plain letters and Ctrl combinations', () => {
    expect(shortcutFor(key('a'), false)).toBeNull();
    expect(shortcutFor(key('a', { altKey: true, ctrlKey: true, code: 'KeyA' }), false)).toBeNull();
  });
});
