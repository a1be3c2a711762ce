import { describe, expect, it } from 'vitest';
import { attachmentProblem, sanitiseFilename } from './attachment-rules.js';
import { contentMatchesType, looksLikeProgram, sniffFamily } from './sniff-content.js';

describe('attachment rules', () => {
  it('refuses by size first, then by type; parameters and case of the type do not matter', () => {
    expect(attachmentProblem({ contentType: 'application/pdf', size: 11 }, 10)).toEqual({ kind: 'too_large', size: 11, limit: 10 });
    expect(attachmentProblem({ contentType: 'application/x-msdownload', size: 5 }, 10)).toEqual({ kind: 'type_refused', contentType: 'application/x-msdownload' });
    expect(attachmentProblem({ contentType: 'Text/Plain; charset=utf-8', size: 5 }, 10)).toBeNull();
  });

  it('cleans file names: no path, no control, bidi or reserved characters, the extension kept when cut', () => {
    expect(sanitiseFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFilename('C:\\Users\\agent\\scan 1.pdf')).toBe('scan 1.pdf');
    expect(sanitiseFilename('fact\u202Eexe.pdf')).toBe('fact_exe.pdf');
    expect(sanitiseFilename('a"b<c>\r\nd.txt')).toBe('a_b_c___d.txt');
    expect(sanitiseFilename('...')).toBe('attachment');
    const long = sanitiseFilename(`${'x'.repeat(300)}.docx`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('sniffs the families by their first bytes and refuses a renamed program', () => {
    expect(sniffFamily(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFamily(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('png');
    expect(sniffFamily(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('jpeg');
    expect(sniffFamily(Buffer.from('504b0304140000000800', 'hex'))).toBe('zip');
    expect(sniffFamily(Buffer.from('Naam;Bedrag\nJan;12\n'))).toBe('text');
    const program = Buffer.from('4d5a90000300000004000000ffff0000', 'hex');
    expect(sniffFamily(program)).toBeNull();
    expect(contentMatchesType(program, 'application/pdf')).toBe(false);
    expect(contentMatchesType(Buffer.from('%PDF-1.4'), 'image/png')).toBe(false);
    expect(contentMatchesType(Buffer.from('%PDF-1.4'), 'application/pdf')).toBe(true);
    expect(contentMatchesType(Buffer.from('504b0304', 'hex'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(true);
  });

  it('tells programs and scripts from documents, whatever they are called', () => {
    for (const hex of ['4d5a9000', '7f454c46', 'cffaedfe', 'cafebabe']) expect(looksLikeProgram(Buffer.from(hex, 'hex'))).toBe(true);
    expect(looksLikeProgram(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBe(true);
    expect(looksLikeProgram(Buffer.from('%PDF-1.7\n'))).toBe(false);
    expect(looksLikeProgram(Buffer.from('Naam;Bedrag\nJan;12\n'))).toBe(false);
    // Windows-1252 text (no valid UTF-8) is no program.
    expect(looksLikeProgram(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]))).toBe(false);
  });
});
