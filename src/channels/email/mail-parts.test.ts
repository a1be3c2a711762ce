import { describe, expect, it } from 'vitest';
import { detectAutomatedMail } from './detect-automated.js';
import { plusAddress, replySubject, splitPlusAddress, tokenFromSubject } from './reply-token.js';
import { htmlToText, sanitizeEmailHtml } from './sanitize-email-html.js';
import { stripQuotedReply } from './strip-quoted-reply.js';

const mail = (headers: Record<string, string>, extra: Partial<{ fromAddress: string; contentType: string; subject: string }> = {}) => ({
  headers: new Map(Object.entries(headers)),
  fromAddress: extra.fromAddress ?? 'jan@klant.example',
  contentType: extra.contentType ?? 'text/plain',
  subject: extra.subject ?? 'Vraag over mijn factuur',
});

describe('detectAutomatedMail', () => {
  it('recognises auto-replies, bounces and bulk mail', () => {
    expect(detectAutomatedMail(mail({ 'auto-submitted': 'auto-replied' }))).toBe('auto-submitted: auto-replied');
    expect(detectAutomatedMail(mail({ 'x-autoreply': 'yes' }))).toBe('x-autoreply');
    expect(detectAutomatedMail(mail({ precedence: 'bulk' }))).toBe('precedence: bulk');
    expect(detectAutomatedMail(mail({ precedence: 'auto_reply' }))).toBe('precedence: auto_reply');
    expect(detectAutomatedMail(mail({}, { contentType: 'multipart/report' }))).toBe('delivery report');
    expect(detectAutomatedMail(mail({}, { fromAddress: 'MAILER-DAEMON@mx.example' }))).toMatch(/system sender/);
    expect(detectAutomatedMail(mail({}, { subject: 'Out of office: back Monday' }))).toBe('auto-reply subject');
  });

  it("leaves a person's mail alone, also one that says Auto-Submitted: no", () => {
    expect(detectAutomatedMail(mail({ 'auto-submitted': 'no' }))).toBeNull();
    expect(detectAutomatedMail(mail({ precedence: 'normal' }))).toBeNull();
    expect(detectAutomatedMail(mail({}, { subject: 'Re: automatische incasso werkt niet' }))).toBeNull();
  });
});

describe('reply tokens', () => {
  it('travels in plus-addressing and the subject, once', () => {
    expect(plusAddress('klantenservice@energienoord.example', 'abcdefghjk')).toBe('klantenservice+abcdefghjk@energienoord.example');
    expect(splitPlusAddress('Klantenservice+ABCDEFGHJK@energienoord.example')).toEqual({ base: 'klantenservice@energienoord.example', token: 'abcdefghjk' });
    expect(splitPlusAddress('klantenservice+x@energienoord.example')).toEqual({ base: 'klantenservice@energienoord.example' });
    expect(tokenFromSubject('Re: Re: Factuur [#abcdefghjk]')).toBe('abcdefghjk');
    expect(replySubject('RE: Aw: Factuur [#abcdefghjk]', 'abcdefghjk')).toBe('Re: Factuur [#abcdefghjk]');
  });
});

describe('mail bodies', () => {
  it('keeps structure and drops scripts, styles, images, handlers and javascript: links', () => {
    const html = sanitizeEmailHtml('<style>p{}</style><p onclick="x()">Hallo <b>Jan</b></p><script>alert(1)</script><img src="https://t.example/p.gif"><a href="javascript:alert(1)">x</a><a href="https://ok.example">ok</a>');
    expect(html).toBe('<p>Hallo <b>Jan</b></p><a rel="noopener noreferrer nofollow" target="_blank">x</a><a href="https://ok.example" rel="noopener noreferrer nofollow" target="_blank">ok</a>');
    expect(htmlToText('<p>Eerste</p><p>Tweede &amp; derde</p>')).toBe('Eerste\nTweede & derde');
  });

  it('cuts the quoted earlier mail from a reply', () => {
    expect(stripQuotedReply('Dank u!\n\nOn Mon, 1 Mar 2027 at 10:00, Energie Noord wrote:\n> Beste Jan')).toBe('Dank u!');
    expect(stripQuotedReply('Merci.\n\nLe lun. 1 mars 2027, Energie Noord a écrit :\n> Bonjour')).toBe('Merci.');
    expect(stripQuotedReply('Prima.\n-----Original Message-----\nFrom: x')).toBe('Prima.');
    expect(stripQuotedReply('> alleen een citaat')).toBe('> alleen een citaat');
  });
});
