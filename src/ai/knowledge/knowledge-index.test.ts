import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors/app-error.js';
import { aQuery, anArticle, indexOf } from './knowledge.test-kit.js';

const ids = (result: { hits: readonly { id: string }[] }): string[] => result.hits.map((hit) => hit.id);

describe('KnowledgeIndex languages', () => {
  const index = indexOf([
    anArticle({ id: 'nl-block', title: 'Bankkaart blokkeren', body: 'Bel de stopdienst of blokkeer je kaart in de app wanneer je bankkaart gestolen is.' }),
    anArticle({ id: 'nl-limit', title: 'Limiet aanpassen', body: 'Je kunt je daglimiet verhogen in de app.' }),
    anArticle({ id: 'fr-cancel', language: 'fr', title: 'Résilier votre assurance', body: 'Pour résilier le contrat, envoyez une lettre recommandée.' }),
    anArticle({ id: 'fr-card', language: 'fr', title: 'Carte bancaire perdue', body: 'Faites opposition immédiatement.' }),
    anArticle({ id: 'en-cards', language: 'en', title: 'Ordering new cards', body: 'New debit cards arrive within five working days.' }),
    anArticle({ id: 'en-hosp', language: 'en', title: 'Hospitalisation insurance', body: 'The policy covers a stay in hospital.' }),
  ]);

  it('does find "Bankkaart blokkeren" when an NL customer asks "kaart blokkeren"', () => {
    expect(ids(index.search(aQuery('kaart blokkeren ', { language: 'nl' })))[0]).toBe('nl-block');
  });

  it('does match a Dutch compound by its head when the query names only the head', () => {
    const result = index.search(aQuery('bankkaart', { language: 'nl' }));
    expect(ids(result)).toEqual(['nl-block']);
    expect(ids(index.search(aQuery('kaart ', { language: 'nl' })))).toContain('nl-block');
  });

  it('does match French words with and without accents', () => {
    expect(ids(index.search(aQuery('resilier ', { language: 'fr' })))).toEqual(['fr-cancel']);
    expect(ids(index.search(aQuery('RÉSILIATION ', { language: 'fr' })))).toEqual(['fr-cancel']);
  });

  it('does match English plurals and singulars alike', () => {
    expect(ids(index.search(aQuery('card ', { language: 'en' })))).toEqual(['en-cards']);
    expect(ids(index.search(aQuery('policies ', { language: 'en' })))).toEqual(['en-hosp']);
  });

  it('does search every language of the line when no language is given', () => {
    expect(ids(index.search(aQuery('carte bancaire ')))).toEqual(['fr-card']);
  });
});

describe('KnowledgeIndex typo tolerance and completion', () => {
  const index = indexOf([
    anArticle({ id: 'block', title: 'Bankkaart blokkeren', body: 'Blokkeer je kaart via de app.' }),
    anArticle({ id: 'hosp', language: 'en', title: 'Hospitalisation cover', body: 'What the insurance pays during a hospital stay.' }),
    anArticle({ id: 'loan', language: 'en', title: 'Loans', body: 'Borrow for a car.' }),
  ]);

  it('does correct one missing letter when the word has at least four letters', () => {
    expect(ids(index.search(aQuery('blokeren ', { language: 'nl' })))).toEqual(['block']);
  });

  it('does correct a long word when it has up to two typos', () => {
    expect(ids(index.search(aQuery('hospitalisaton ', { language: 'en' })))).toEqual(['hosp']);
    expect(ids(index.search(aQuery('hosptalisaton ', { language: 'en' })))).toEqual(['hosp']);
  });

  it('does not correct a short word when one edit would make another word', () => {
    expect(index.search(aQuery('cat ', { language: 'en' })).total).toBe(0);
  });

  it('does score a corrected word lower than the exact word', () => {
    const exact = index.search(aQuery('blokkeren ', { language: 'nl' })).hits[0]?.score ?? 0;
    const typo = index.search(aQuery('blokeren ', { language: 'nl' })).hits[0]?.score ?? 0;
    expect(typo).toBeGreaterThan(0);
    expect(typo).toBeLessThan(exact);
  });

  it('does complete the last word when the customer is still typing', () => {
    expect(ids(index.search(aQuery('hospi', { language: 'en' })))).toEqual(['hosp']);
    expect(index.search(aQuery('hospi ', { language: 'en' })).total).toBe(0);
  });
});

describe('KnowledgeIndex facets and filters', () => {
  const articles = [
    anArticle({ id: 'c1', title: 'Kaart blokkeren', topicId: 'kaart', subtopicId: 'blokkeren' }),
    anArticle({ id: 'c2', title: 'Kaart vervangen', topicId: 'kaart', subtopicId: 'vervangen' }),
    anArticle({ id: 'c3', title: 'Kaart limiet', topicId: 'kaart', subtopicId: 'limiet', visibility: 'internal' }),
    anArticle({ id: 'i1', title: 'Kaart en verzekering', topicId: 'verzekering', subtopicId: 'reis' }),
    anArticle({ id: 'x1', title: 'Kaart', lineId: 'energie', topicId: 'factuur' }),
  ];
  const index = indexOf(articles);

  it('does count topics and subtopics over all matches when a topic filter is set', () => {
    const result = index.search(aQuery('kaart ', { topicId: 'verzekering' }));
    expect(ids(result)).toEqual(['i1']);
    expect(result.total).toBe(1);
    expect(result.facets.topics).toEqual([{ id: 'kaart', count: 3 }, { id: 'verzekering', count: 1 }]);
    expect(result.facets.subtopics).toEqual([
      { id: 'blokkeren', topicId: 'kaart', count: 1 },
      { id: 'limiet', topicId: 'kaart', count: 1 },
      { id: 'reis', topicId: 'verzekering', count: 1 },
      { id: 'vervangen', topicId: 'kaart', count: 1 },
    ]);
  });

  it('does filter on a subtopic when one is given', () => {
    expect(ids(index.search(aQuery('kaart ', { topicId: 'kaart', subtopicId: 'vervangen' })))).toEqual(['c2']);
  });

  it('does leave internal articles out of results and facets when the bot searches public', () => {
    const result = index.search(aQuery('kaart ', { visibility: 'public' }));
    expect(ids(result).sort()).toEqual(['c1', 'c2', 'i1']);
    expect(result.facets.topics).toEqual([{ id: 'kaart', count: 2 }, { id: 'verzekering', count: 1 }]);
  });

  it('does list every visible article of the line when the text is empty', () => {
    const result = index.search(aQuery('', { topicId: 'kaart', visibility: 'public' }));
    expect(ids(result)).toEqual(['c1', 'c2']);
  });

  it('does limit hits but count the total when there are more matches', () => {
    const result = index.search(aQuery('kaart ', { limit: 2 }));
    expect(result.hits).toHaveLength(2);
    expect(result.total).toBe(4);
  });
});

describe('KnowledgeIndex versions and removal', () => {
  it('does replace the indexed version when a new version is upserted', () => {
    const v1 = anArticle({ id: 'v', title: 'Overschrijving annuleren', version: 1 });
    const index = indexOf([v1]);
    index.upsert({ ...v1, title: 'Betaling terugdraaien', version: 2 });
    expect(index.search(aQuery('annuleren ')).total).toBe(0);
    expect(ids(index.search(aQuery('terugdraaien ')))).toEqual(['v']);
    expect(index.get('v')?.version).toBe(2);
    expect(index.size).toBe(1);
  });

  it('does move an article when a new version changes its line', () => {
    const v1 = anArticle({ id: 'm', title: 'Meterstand doorgeven', lineId: 'bank' });
    const index = indexOf([v1]);
    index.upsert({ ...v1, lineId: 'energie', version: 2 });
    expect(index.search(aQuery('meterstand ')).total).toBe(0);
    expect(index.search(aQuery('meterstand ', { lineId: 'energie' })).total).toBe(1);
  });

  it('does refuse an older version when a newer one is indexed', () => {
    const v2 = anArticle({ id: 'o', version: 2 });
    const index = indexOf([v2]);
    const attempt = (): void => index.upsert({ ...v2, version: 1 });
    expect(attempt).toThrow(expect.objectContaining({ code: 'KNOWLEDGE_STALE_VERSION', status: 409 }));
  });

  it('does reject an article when a field is invalid', () => {
    const index = indexOf([]);
    try {
      index.upsert(anArticle({ language: 'de' as 'nl' }));
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('KNOWLEDGE_ARTICLE_INVALID');
    }
  });

  it('does forget every word of an article when it is removed', () => {
    const gone = anArticle({ id: 'gone', title: 'Nalatenschap regelen', body: 'Erfenis en volmacht.' });
    const index = indexOf([gone, anArticle({ id: 'kept', title: 'Beleggen' })]);
    expect(index.remove('gone')).toBe(true);
    expect(index.remove('gone')).toBe(false);
    expect(index.search(aQuery('nalatenschap ')).total).toBe(0);
    expect(index.search(aQuery('nalatenschp ')).total).toBe(0);
    expect(index.search(aQuery('nala')).total).toBe(0);
    expect(index.get('gone')).toBeUndefined();
  });
});

describe('KnowledgeIndex ranking and snippets', () => {
  it('does rank a title match above a body match', () => {
    const index = indexOf([
      anArticle({ id: 'b-body', title: 'Reizen', body: 'Neem een reisverzekering als je naar het buitenland gaat en vergeet je pincode niet.' }),
      anArticle({ id: 'z-title', title: 'Pincode vergeten', body: 'Vraag een nieuwe aan in de app.' }),
    ]);
    expect(ids(index.search(aQuery('pincode ')))).toEqual(['z-title', 'b-body']);
  });

  it('does order equal scores by id when articles are identical', () => {
    const index = indexOf(['c', 'a', 'b'].map((id) => anArticle({ id, title: 'Zelfde titel' })));
    expect(ids(index.search(aQuery('titel ')))).toEqual(['a', 'b', 'c']);
  });

  it('does return a short plain-text window around the match when the body is long HTML', () => {
    const filler = Array.from({ length: 60 }, (_, n) => `woord${n}`).join(' ');
    const body = `<p>${filler} <b>Blokkeer</b> je kaart meteen &amp; bel ons.</p> ${filler}`;
    const index = indexOf([anArticle({ id: 'h', title: 'Hulp', body })]);
    const hit = index.search(aQuery('blokkeren ')).hits[0];
    expect(hit?.snippet).not.toMatch(/[<>]/);
    expect(hit?.snippet.startsWith('… ')).toBe(true);
    expect(hit?.snippet.split(' ').length).toBeLessThan(35);
    const marked = hit?.highlights.filter((h) => h.field === 'snippet').map((h) => hit.snippet.slice(h.start, h.end));
    expect(marked).toEqual(['Blokkeer']);
  });

  it('does highlight matched words in the title', () => {
    const index = indexOf([anArticle({ id: 't', title: 'Bankkaart blokkeren', body: 'Tekst.' })]);
    const hit = index.search(aQuery('blokkeren ')).hits[0];
    expect(hit?.highlights).toEqual([{ field: 'title', start: 10, end: 19 }]);
  });
});
