import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../text/index.js';
import { KnowledgeIndex } from './knowledge-index.js';
import type { KnowledgeArticle } from './knowledge.types.js';

const WORDS = ['kaart', 'bankkaart', 'blokkeren', 'carte', 'résilier', 'card', 'cards', 'insurance', 'hospitalisation', 'factuur', 'meterstand', 'pesten'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const article = fc.record({
  lineId: fc.constantFrom('bank', 'energie', 'kinderlijn'),
  language: fc.constantFrom(...LANGUAGES),
  title: text,
  body: text,
  topicId: fc.constantFrom('t1', 't2'),
  subtopicId: fc.constantFrom('s1', 's2', null),
  visibility: fc.constantFrom('public' as const, 'internal' as const),
});
const queryText = fc.oneof(text, fc.string({ maxLength: 12 }), text.map((words) => words.slice(0, -2)));

describe('KnowledgeIndex property', () => {
  it('does never return an article of another line, nor an internal one when the search is public', () => {
    fc.assert(
      fc.property(fc.array(article, { maxLength: 30 }), queryText, fc.constantFrom('bank', 'energie'), fc.boolean(), (articles, queryString, lineId, isPublic) => {
        const index = new KnowledgeIndex();
        const byId = new Map<string, KnowledgeArticle>();
        articles.forEach((fields, n) => {
          const full: KnowledgeArticle = { ...fields, id: `a${n}`, version: 1, updatedAt: '2024-01-01T00:00:00Z', tags: [] };
          byId.set(full.id, full);
          index.upsert(full);
        });
        const result = index.search({ text: queryString, lineId, visibility: isPublic ? 'public' : 'all', limit: 100 });
        for (const hit of result.hits) {
          const found = byId.get(hit.id);
          expect(found?.lineId).toBe(lineId);
          if (isPublic) expect(found?.visibility).toBe('public');
        }
        const facetTotal = result.facets.topics.reduce((sum, facet) => sum + facet.count, 0);
        expect(result.total).toBe(facetTotal);
        expect(result.hits.length).toBe(Math.min(result.total, 100));
      }),
      { numRuns: 200 },
    );
  });
});
