import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvObjects } from './csv.parser.js';

describe('parseCsv', () => {
  it('does split plain fields and records when nothing is quoted', () => {
    expect(parseCsv('a,b\nc,d\n')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('does keep commas, line breaks and doubled quotes when a field is quoted', () => {
    expect(parseCsv('text,category\n"Hi, ""you""\nthere",greeting\n')).toEqual([
      ['text', 'category'],
      ['Hi, "you"\nthere', 'greeting'],
    ]);
  });

  it('does accept CRLF, a byte-order mark and a missing final line break', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x\r\ny",z')).toEqual([['a', 'b'], ['x\r\ny', 'z']]);
  });

  it('does keep empty fields when commas are adjacent', () => {
    expect(parseCsv('a,,c\n,,\n')).toEqual([['a', '', 'c'], ['', '', '']]);
  });

  it('does throw when the input ends inside a quoted field', () => {
    expect(() => parseCsv('a,"unterminated\n')).toThrow(/quoted/);
  });
});

describe('parseCsvObjects', () => {
  it('does key records by the header when widths match', () => {
    expect(parseCsvObjects('text,category\n"Where is my card, please?",card_arrival')).toEqual([
      { text: 'Where is my card, please?', category: 'card_arrival' },
    ]);
  });

  it('does throw when a record is wider than the header', () => {
    expect(() => parseCsvObjects('a,b\n1,2,3')).toThrow(/record 2/);
  });
});
