import { describe, expect, it } from 'vitest';
import { classifyMessage } from './classify-message.js';

describe('classifyMessage', () => {
  it('returns per-category scores and evidence with offsets into the original text', () => {
    const text = 'Hallo, jullie zijn een stel klootzakken';
    const result = classifyMessage(text, { language: 'nl' });
    expect(result.label).toBe('swearing');
    expect(Object.keys(result.categories).sort()).toEqual(['discrimination', 'sexual', 'spam', 'swearing', 'threat']);
    const [evidence] = result.evidence;
    expect(evidence?.ruleId).toBe('nl.term.klootzak');
    expect(text.slice(evidence?.start, evidence?.end)).toBe('klootzakken');
  });

  it('picks the most serious label when several categories apply', () => {
    const result = classifyMessage('vuile kankerhoer, ik weet waar je woont');
    expect(result.label).toBe('threat');
    expect(result.categories.swearing).toBeGreaterThan(0.5);
  });

  it('says how an obfuscated word was read', () => {
    expect(classifyMessage('k4nker').evidence[0]?.obfuscation).toBe('leet');
    expect(classifyMessage('kuuuuut').evidence[0]?.obfuscation).toBe('repeat');
    expect(classifyMessage('k a n k e r').evidence[0]?.obfuscation).toBe('spaced');
    expect(classifyMessage('kankerbedrijf').evidence[0]?.obfuscation).toBe('compound');
  });

  it('keeps suppressed hits with the reason they were let go', () => {
    const result = classifyMessage('ze noemen me een hoer');
    expect(result.label).toBe('ok');
    expect(result.suppressed[0]).toMatchObject({ ruleId: 'nl.term.hoer', suppressedBy: 'reported_speech' });
  });

  it('combines two mild hits into a higher score than one', () => {
    expect(classifyMessage('sukkel en idioot').categories.swearing).toBeGreaterThan(classifyMessage('sukkel').categories.swearing);
  });

  it('returns ok with score 0 for empty and whitespace input', () => {
    expect(classifyMessage('')).toMatchObject({ label: 'ok', score: 0, evidence: [] });
    expect(classifyMessage('   \n\t ')).toMatchObject({ label: 'ok', score: 0 });
  });

  it('flags a megabyte of text as spam without scanning all of it', () => {
    const started = performance.now();
    const result = classifyMessage('bla '.repeat(262_144));
    expect(result.label).toBe('spam');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('uses the given language for words that are ordinary elsewhere', () => {
    expect(classifyMessage('con', { language: 'fr' }).label).toBe('swearing');
    expect(classifyMessage('con', { language: 'en' }).label).toBe('ok');
  });
});
