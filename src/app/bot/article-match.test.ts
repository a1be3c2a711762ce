import { describe, expect, it } from 'vitest';
import { articleCoverage } from './article-match.js';

describe('articleCoverage', () => {
  it('does count the share of content words, leaving function words out and matching stems', () => {
    const c = articleCoverage('Is een nieuwe spaarrekening gratis?', 'Spaarrekening openen', 'De rekening is meteen actief en gratis. Nieuwe klanten welkom.', 'nl');
    expect(c).toEqual({ share: 1, matched: 3, words: 3 });
  });

  it('does give a low share when the article is about something else', () => {
    const c = articleCoverage('How do I change my home address?', 'Blocking a lost card', 'Block the card in the app.', 'en');
    expect(c.share).toBeLessThan(0.5);
  });

  it('does give nothing for a question of function words only', () => {
    expect(articleCoverage('est-ce que vous pouvez', 'Titre', 'Texte', 'fr')).toEqual({ share: 0, matched: 0, words: 0 });
  });
});
