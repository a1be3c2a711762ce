import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences.js';

describe('splitSentences', () => {
  it('does split after full stops, questions and exclamations, keeping them', () => {
    expect(splitSentences('Kaart kwijt? Blokkeer ze in de app. Bel 02 555 01 00!')).toEqual(['Kaart kwijt?', 'Blokkeer ze in de app.', 'Bel 02 555 01 00!']);
  });

  it('does not split inside numbers or after one-letter abbreviations', () => {
    expect(splitSentences('De rente is 3.5 procent, zie p. 4 van de brochure. Klaar.')).toEqual(['De rente is 3.5 procent, zie p. 4 van de brochure.', 'Klaar.']);
  });

  it('does treat line breaks as sentence ends and drops empty pieces', () => {
    expect(splitSentences('Hallo\n\nIk heb een vraag\n  \nover mijn kaart')).toEqual(['Hallo', 'Ik heb een vraag', 'over mijn kaart']);
    expect(splitSentences('   ')).toEqual([]);
  });
});
