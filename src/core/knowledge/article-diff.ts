/**
 * A readable comparison of two versions of a knowledge article, field by field, as lines that
 * were kept, removed or added (what content managers know from Confluence's page history).
 * Pure: the server computes it for the history API, and the web app renders it.
 */

export type DiffOp = 'same' | 'added' | 'removed';
export type StepPart = 'title' | 'body' | 'screen' | 'tip' | 'warning';

export interface DiffLine {
  op: DiffOp;
  text: string;
  /** Procedure steps only: the step's number on its side (before for removed lines, after otherwise) and which part of the step. */
  step?: number;
  part?: StepPart;
}

export const ARTICLE_DIFF_FIELDS = ['title', 'body', 'steps', 'warnings', 'visibility', 'topic', 'tags', 'line', 'language'] as const;
export type ArticleDiffField = (typeof ARTICLE_DIFF_FIELDS)[number];

export interface FieldDiff {
  field: ArticleDiffField;
  changed: boolean;
  lines: DiffLine[];
}

export interface ArticleDiff {
  changed: boolean;
  fields: FieldDiff[];
}

export interface StepContent {
  title: string;
  body: string;
  screen?: string;
  tip?: string;
  warning?: string;
}

/** The parts of an article a version changes (what `StoredArticle` holds, minus ids and times). */
export interface ArticleContent {
  lineId: string;
  language: string;
  title: string;
  body: string;
  topicId: string;
  subtopicId: string | null;
  visibility: 'public' | 'internal';
  tags: readonly string[];
  steps: readonly StepContent[];
  warnings: readonly string[];
}

/** Above this many cells the quadratic comparison is skipped: the changed middle shows as removed, then added. */
const MAX_TABLE_CELLS = 4_000_000;

/**
 * The line diff of two lists (longest common subsequence, after the common start and end are set
 * aside). Removed lines come before the added lines that replace them. `key` decides equality.
 */
export function diffSequences<T>(before: readonly T[], after: readonly T[], key: (item: T) => string = String): Array<{ op: DiffOp; item: T }> {
  const a = before.map(key);
  const b = after.map(key);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: Array<{ op: DiffOp; item: T }> = before.slice(0, start).map((item) => ({ op: 'same', item }));
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_TABLE_CELLS || n > 65_000 || m > 65_000) {
    for (let i = start; i < endA; i++) out.push({ op: 'removed', item: before[i]! });
    for (let j = start; j < endB; j++) out.push({ op: 'added', item: after[j]! });
  } else {
    // lcs[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
    const width = m + 1;
    const lcs = new Uint16Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] = a[start + i] === b[start + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    const added: Array<{ op: DiffOp; item: T }> = [];
    const flushAdded = () => out.push(...added.splice(0));
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        flushAdded();
        out.push({ op: 'same', item: after[start + j]! });
        i++;
        j++;
      } else if (j < m && (i === n || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
        added.push({ op: 'added', item: after[start + j]! });
        j++;
      } else {
        out.push({ op: 'removed', item: before[start + i]! });
        i++;
      }
    }
    flushAdded();
  }
  for (let j = endB; j < b.length; j++) out.push({ op: 'same', item: after[j]! });
  return out;
}

/** Lines of a text; an empty text has none (so adding a first line is one added line). */
export function textLines(text: string): string[] {
  return text === '' ? [] : text.split(/\r?\n/);
}

interface StepLine {
  step: number;
  part: StepPart;
  text: string;
}

function stepLines(steps: readonly StepContent[]): StepLine[] {
  return steps.flatMap((s, index) => {
    const step = index + 1;
    const lines: StepLine[] = [{ step, part: 'title', text: s.title }];
    for (const text of textLines(s.body)) lines.push({ step, part: 'body', text });
    for (const part of ['screen', 'tip', 'warning'] as const) {
      const value = s[part];
      if (value) for (const text of textLines(value)) lines.push({ step, part, text });
    }
    return lines;
  });
}

function field(name: ArticleDiffField, lines: DiffLine[]): FieldDiff {
  return { field: name, changed: lines.some((l) => l.op !== 'same'), lines };
}

const plain = (before: readonly string[], after: readonly string[]): DiffLine[] => diffSequences(before, after).map(({ op, item }) => ({ op, text: item }));
const scalar = (before: string, after: string): DiffLine[] => plain([before], [after]);
const topicOf = (a: ArticleContent) => (a.subtopicId ? `${a.topicId} / ${a.subtopicId}` : a.topicId);

/** Every field of the article, in a fixed order, with `changed` set where the versions differ. */
export function diffArticles(before: ArticleContent, after: ArticleContent): ArticleDiff {
  // A step line is the same when its part and text are; a step inserted above does not make the rest "changed".
  const steps = diffSequences(stepLines(before.steps), stepLines(after.steps), (l) => `${l.part}\u0000${l.text}`).map(({ op, item }) => ({ op, text: item.text, step: item.step, part: item.part }));
  const fields = [
    field('title', scalar(before.title, after.title)),
    field('body', plain(textLines(before.body), textLines(after.body))),
    field('steps', steps),
    field('warnings', plain(before.warnings, after.warnings)),
    field('visibility', scalar(before.visibility, after.visibility)),
    field('topic', scalar(topicOf(before), topicOf(after))),
    // Tags are a set: compared in sorted order.
    field('tags', plain([...new Set(before.tags)].sort(), [...new Set(after.tags)].sort())),
    field('line', scalar(before.lineId, after.lineId)),
    field('language', scalar(before.language, after.language)),
  ];
  return { changed: fields.some((f) => f.changed), fields };
}
