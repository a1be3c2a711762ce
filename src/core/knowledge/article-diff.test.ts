import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffArticles, diffSequences, textLines, type ArticleContent } from './article-diff.js';

const article = (change: Partial<ArticleContent> = {}): ArticleContent => ({
  lineId: 'ln_bank',
  language: 'nl',
  title: 'Kaart blokkeren',
  body: 'Blokkeer de kaart in de app.\nOf bel Card Stop.',
  topicId: 'kaart',
  subtopicId: 'verlies',
  visibility: 'internal',
  tags: ['kaart_blokkeren'],
  steps: [
    { title: 'Identificeer de klant', body: 'Vraag naam en geboortedatum.' },
    { title: 'Blokkeer de kaart', body: 'Kies Kaart > Blokkeren.', tip: 'Ook in de app.' },
  ],
  warnings: [],
  ...change,
});

const field = (diff: ReturnType<typeof diffArticles>, name: string) => diff.fields.find((f) => f.field === name)!;
const changedFields = (diff: ReturnType<typeof diffArticles>) => diff.fields.filter((f) => f.changed).map((f) => f.field);

describe('diffSequences', () => {
  it('keeps the common lines and marks what was removed and added, removed first', () => {
    expect(diffSequences(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      { op: 'same', item: 'a' },
      { op: 'removed', item: 'b' },
      { op: 'added', item: 'x' },
      { op: 'same', item: 'c' },
      { op: 'same', item: 'd' },
      { op: 'added', item: 'e' },
    ]);
  });

  it('finds the longest common part when lines move', () => {
    const ops = diffSequences(['1', '2', '3', '4', '5'], ['2', '3', '4', '5', '1']);
    expect(ops.filter((o) => o.op === 'same').map((o) => o.item)).toEqual(['2', '3', '4', '5']);
    expect(ops.filter((o) => o.op !== 'same')).toEqual([{ op: 'removed', item: '1' }, { op: 'added', item: '1' }]);
  });

  it('handles empty sides', () => {
    expect(diffSequences([], [])).toEqual([]);
    expect(diffSequences([], ['a'])).toEqual([{ op: 'added', item: 'a' }]);
    expect(diffSequences(['a'], [])).toEqual([{ op: 'removed', item: 'a' }]);
  });

  it('falls back to removed-then-added for very long changed texts instead of a quadratic table', () => {
    const before = Array.from({ length: 3_000 }, (_, i) => `old ${i}`);
    const after = Array.from({ length: 3_000 }, (_, i) => `new ${i}`);
    const ops = diffSequences(['same', ...before], ['same', ...after]);
    expect(ops[0]).toEqual({ op: 'same', item: 'same' });
    expect(ops.filter((o) => o.op === 'removed')).toHaveLength(3_000);
    expect(ops.filter((o) => o.op === 'added')).toHaveLength(3_000);
  });

  it('always rebuilds both sides and keeps a longest common subsequence (property)', () => {
    const lists = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 });
    fc.assert(
      fc.property(lists, lists, (before, after) => {
        const ops = diffSequences(before, after);
        expect(ops.filter((o) => o.op !== 'added').map((o) => o.item)).toEqual(before);
        expect(ops.filter((o) => o.op !== 'removed').map((o) => o.item)).toEqual(after);
        expect(ops.filter((o) => o.op === 'same')).toHaveLength(lcsLength(before, after));
      }),
      { numRuns: 300 },
    );
  });
});

function lcsLength(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t[a.length]![b.length]!;
}

describe('diffArticles', () => {
  it('says nothing changed between equal versions, with every field present', () => {
    const diff = diffArticles(article(), article());
    expect(diff.changed).toBe(false);
    expect(diff.fields.map((f) => f.field)).toEqual(['title', 'body', 'steps', 'warnings', 'visibility', 'topic', 'tags', 'line', 'language']);
  });

  it('shows a changed title, body line, visibility, topic and tags', () => {
    const diff = diffArticles(
      article(),
      article({ title: 'Kaart blokkeren of vervangen', body: 'Blokkeer de kaart in de app.\nOf bel de blokkeerdienst.', visibility: 'public', subtopicId: null, tags: ['kaart_blokkeren', 'fraude'] }),
    );
    expect(changedFields(diff)).toEqual(['title', 'body', 'visibility', 'topic', 'tags']);
    expect(field(diff, 'title').lines).toEqual([{ op: 'removed', text: 'Kaart blokkeren' }, { op: 'added', text: 'Kaart blokkeren of vervangen' }]);
    expect(field(diff, 'body').lines).toEqual([
      { op: 'same', text: 'Blokkeer de kaart in de app.' },
      { op: 'removed', text: 'Of bel Card Stop.' },
      { op: 'added', text: 'Of bel de blokkeerdienst.' },
    ]);
    expect(field(diff, 'visibility').lines).toEqual([{ op: 'removed', text: 'internal' }, { op: 'added', text: 'public' }]);
    expect(field(diff, 'topic').lines).toEqual([{ op: 'removed', text: 'kaart / verlies' }, { op: 'added', text: 'kaart' }]);
    expect(field(diff, 'tags').lines).toEqual([{ op: 'added', text: 'fraude' }, { op: 'same', text: 'kaart_blokkeren' }]);
  });

  it('shows an inserted procedure step as added lines only, numbering the steps after it on the new side', () => {
    const before = article();
    const after = article({ steps: [before.steps[0]!, { title: 'Controleer de laatste betalingen', body: 'Zie je onbekende betalingen?', warning: 'Nooit de pincode vragen.' }, before.steps[1]!] });
    const steps = field(diffArticles(before, after), 'steps').lines;
    expect(steps.filter((l) => l.op === 'removed')).toEqual([]);
    expect(steps.filter((l) => l.op === 'added')).toEqual([
      { op: 'added', text: 'Controleer de laatste betalingen', step: 2, part: 'title' },
      { op: 'added', text: 'Zie je onbekende betalingen?', step: 2, part: 'body' },
      { op: 'added', text: 'Nooit de pincode vragen.', step: 2, part: 'warning' },
    ]);
    expect(steps.find((l) => l.text === 'Blokkeer de kaart')).toEqual({ op: 'same', text: 'Blokkeer de kaart', step: 3, part: 'title' });
  });

  it('shows a removed step tip and a warning added to the article', () => {
    const before = article();
    const after = article({ steps: [before.steps[0]!, { title: 'Blokkeer de kaart', body: 'Kies Kaart > Blokkeren.' }], warnings: ['Fraude? Verwijs naar het fraudeteam.'] });
    const diff = diffArticles(before, after);
    expect(changedFields(diff)).toEqual(['steps', 'warnings']);
    expect(field(diff, 'steps').lines.filter((l) => l.op !== 'same')).toEqual([{ op: 'removed', text: 'Ook in de app.', step: 2, part: 'tip' }]);
    expect(field(diff, 'warnings').lines).toEqual([{ op: 'added', text: 'Fraude? Verwijs naar het fraudeteam.' }]);
  });

  it('treats an empty body as no lines and splits Windows line ends', () => {
    expect(textLines('')).toEqual([]);
    expect(textLines('a\r\nb')).toEqual(['a', 'b']);
    expect(field(diffArticles(article({ body: '' }), article({ body: 'Nieuw' })), 'body').lines).toEqual([{ op: 'added', text: 'Nieuw' }]);
  });
});
