import { describe, expect, it } from 'vitest';
import { examplesToLines, linesToExamples, parseTags, percent } from './example-lines.js';

describe('example lines', () => {
  it('does drop empty lines and repeats, keeping the first spelling', () => {
    expect(linesToExamples('Kaart kwijt\n\n  kaart KWIJT \r\nPas gestolen\n')).toEqual(['Kaart kwijt', 'Pas gestolen']);
  });

  it('does round-trip examples through the text area', () => {
    expect(linesToExamples(examplesToLines(['a b', 'c']))).toEqual(['a b', 'c']);
    expect(examplesToLines(undefined)).toBe('');
  });

  it('does split tags on commas without empties or doubles', () => {
    expect(parseTags('kaart_blokkeren, procedure,,procedure ')).toEqual(['kaart_blokkeren', 'procedure']);
  });

  it('does show confidences as whole percentages', () => {
    expect(percent(0.876)).toBe(88);
  });
});
