import { describe, expect, it } from 'vitest';
import { WHATSAPP_MEDIA_TYPES, attachmentProblem, sanitiseFilename } from './attachment-rules.js';
import { contentMatchesType, looksLikeProgram, sniffFamily } from './sniff-content.js';

describe('attachment rules', () => {
  it('refuses by size first, then by type; parameters and case of the type do not matter', () => {
    expect(attachmentProblem({ contentType: 'application/pdf', size: 11 }, 10)).toEqual({ kind: 'too_large', size: 11, limit: 10 });
    expect(attachmentProblem({ contentType: 'application/x-msdownload', size: 5 }, 10)).toEqual({ kind: 'type_refused', contentType: 'application/x-msdownload' });
    expect(attachmentProblem({ contentType: 'Text/Plain; charset=utf-8', size: 5 }, 10)).toBeNull();
  });

  it('accepts voice notes and videos only where the caller allows them (WhatsApp), not in the default list', () => {
    for (const type of ['audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/amr', 'video/mp4']) {
      expect(attachmentProblem({ contentType: type, size: 5 }, 10)).toEqual({ kind: 'type_refused', contentType: type });
      expect(attachmentProblem({ contentType: type, size: 5 }, 10, WHATSAPP_MEDIA_TYPES)).toBeNull();
    }
    expect(attachmentProblem({ contentType: 'application/pdf', size: 5 }, 10, WHATSAPP_MEDIA_TYPES)).toBeNull();
    expect(attachmentProblem({ contentType: 'application/x-msdownload', size: 5 }, 10, WHATSAPP_MEDIA_TYPES)?.kind).toBe('type_refused');
  });

  it('sniffs the audio and video families: OggS, ID3 or an MPEG frame, ftyp, ADTS, #!AMR', () => {
    const ogg = Buffer.from('OggS\u0000\u0002\u0000\u0000OpusHead', 'latin1');
    expect(sniffFamily(ogg)).toBe('ogg');
    expect(contentMatchesType(ogg, 'audio/ogg')).toBe(true);
    expect(sniffFamily(Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000', 'latin1'))).toBe('mp3');
    expect(sniffFamily(Buffer.from('fffb9064000000', 'hex'))).toBe('mp3');
    expect(contentMatchesType(Buffer.from('fff3906400', 'hex'), 'audio/mpeg')).toBe(true);
    expect(sniffFamily(Buffer.from('fff15080', 'hex'))).toBe('aac');
    expect(contentMatchesType(Buffer.from('fff9508000', 'hex'), 'audio/aac')).toBe(true);
    const m4a = Buffer.concat([Buffer.from('00000020', 'hex'), Buffer.from('ftypM4A \u0000\u0000\u0000\u0000', 'latin1')]);
    const mp4 = Buffer.concat([Buffer.from('00000018', 'hex'), Buffer.from('ftypisom\u0000\u0000\u0002\u0000', 'latin1')]);
    expect(contentMatchesType(m4a, 'audio/mp4')).toBe(true);
    expect(contentMatchesType(mp4, 'video/mp4')).toBe(true);
    const heic = Buffer.concat([Buffer.from('00000018', 'hex'), Buffer.from('ftypheic', 'latin1')]);
    expect(sniffFamily(heic)).toBe('heic');
    expect(contentMatchesType(heic, 'video/mp4')).toBe(false);
    expect(contentMatchesType(Buffer.from('#!AMR\n\u003c', 'latin1'), 'audio/amr')).toBe(true);
    // A JPEG's FF D8 is no audio frame; a program or a picture declared as audio is refused.
    expect(sniffFamily(Buffer.from('ffd8ffe0', 'hex'))).toBe('jpeg');
    expect(contentMatchesType(Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), 'audio/ogg')).toBe(false);
    expect(contentMatchesType(Buffer.from('%PDF-1.7\n'), 'audio/mpeg')).toBe(false);
    expect(contentMatchesType(ogg, 'video/mp4')).toBe(false);
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
