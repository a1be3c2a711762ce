import { describe, expect, it } from 'vitest';
import { summariseThread } from './extractive-summary.js';

describe('summariseThread', () => {
  it('keeps a short thread whole', () => {
    const out = summariseThread([{ from: 'customer', text: 'Mijn factuur van maart klopt niet.' }], 'nl');
    expect(out.map((s) => s.text)).toEqual(['Mijn factuur van maart klopt niet.']);
  });

  it('picks the sentences about the thread topic, in order, and always the question', () => {
    const messages = [
      { from: 'customer' as const, text: 'Goedemorgen. Mijn factuur van maart is veel te hoog, het voorschot is verdubbeld. Het weer is mooi vandaag.' },
      { from: 'agent' as const, text: 'Dank u voor uw bericht. Uw voorschot is verhoogd omdat de meterstand van januari hoog was. Wilt u een nieuwe meterstand doorgeven?' },
      { from: 'customer' as const, text: 'De meterstand van vandaag is 12345. Kunt u het voorschot en de factuur aanpassen? Mijn hond heet Max en hij blaft graag.' },
      { from: 'agent' as const, text: 'Ik heb de meterstand verwerkt en het voorschot verlaagd. U krijgt een nieuwe factuur.' },
    ];
    const out = summariseThread(messages, 'nl', 3);
    expect(out).toHaveLength(3);
    expect(out[0]!.text).toContain('factuur van maart');
    expect(out.map((s) => s.text).join(' ')).not.toContain('hond');
    expect(out.map((s) => s.text).join(' ')).not.toContain('weer is mooi');
    const order = out.map((s) => s.message);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
