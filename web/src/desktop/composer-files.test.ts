import { describe, expect, it } from 'vitest';
import { addFiles, formatFileSize, MAX_FILES_PER_MESSAGE, removeFileAt, uploadAll } from './composer-files.js';

const file = (name: string, size = 100, lastModified = 1) => ({ name, size, lastModified });

describe('addFiles', () => {
  it('keeps the order chosen and adds later picks after the earlier ones', () => {
    const first = addFiles([], [file('a.pdf'), file('b.png')]);
    expect(first).toEqual({ files: [file('a.pdf'), file('b.png')], refused: [] });
    const later = addFiles(first.files, [file('c.txt')]);
    expect(later.files.map((f) => f.name)).toEqual(['a.pdf', 'b.png', 'c.txt']);
  });
  it('refuses a sixth file and names every refused one', () => {
    expect(MAX_FILES_PER_MESSAGE).toBe(5);
    const four = addFiles([], ['1', '2', '3', '4'].map((n) => file(`${n}.pdf`))).files;
    const result = addFiles(four, [file('5.pdf'), file('6.pdf'), file('7.pdf')]);
    expect(result.files.map((f) => f.name)).toEqual(['1.pdf', '2.pdf', '3.pdf', '4.pdf', '5.pdf']);
    expect(result.refused.map((f) => f.name)).toEqual(['6.pdf', '7.pdf']);
  });
  it('ignores the same file picked twice but keeps a different file with the same name', () => {
    const result = addFiles([file('a.pdf')], [file('a.pdf'), file('a.pdf', 200)]);
    expect(result.files).toEqual([file('a.pdf'), file('a.pdf', 200)]);
    expect(result.refused).toEqual([]);
  });
});

describe('removeFileAt', () => {
  it('removes only the file at that position', () => {
    expect(removeFileAt([file('a'), file('b'), file('c')], 1).map((f) => f.name)).toEqual(['a', 'c']);
    expect(removeFileAt([file('a')], 3).map((f) => f.name)).toEqual(['a']);
  });
});

describe('formatFileSize', () => {
  it('shows bytes, kB and MB in the UI language', () => {
    expect(formatFileSize(512, 'nl')).toBe('512 B');
    expect(formatFileSize(1025, 'nl')).toBe('2 kB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'nl')).toBe('2,5 MB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
  });
});

describe('uploadAll', () => {
  it('uploads one after the other in order and returns the ids in that order', async () => {
    const calls: string[] = [];
    let running = 0;
    const result = await uploadAll([file('a'), file('b'), file('c')], async (f) => {
      running++;
      expect(running).toBe(1); // never two at once
      calls.push(f.name);
      await new Promise((r) => setTimeout(r, 5 - calls.length));
      running--;
      return { id: `id-${f.name}` };
    });
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(result).toEqual({ ok: true, ids: ['id-a', 'id-b', 'id-c'] });
  });
  it('stops at the first failure and names that file', async () => {
    const calls: string[] = [];
    const refusal = new Error('ATTACHMENT_TYPE_REFUSED');
    const result = await uploadAll([file('a'), file('b'), file('c')], async (f) => {
      calls.push(f.name);
      if (f.name === 'b') throw refusal;
      return { id: f.name };
    });
    expect(calls).toEqual(['a', 'b']);
    expect(result).toEqual({ ok: false, file: file('b'), index: 1, error: refusal });
  });
});
