import type { Registration } from '../../core/model/index.js';

export interface ReportRegistration {
  topics: readonly string[];
  phaseId: string | null;
  wrapUpCode: string | null;
}

const EMPTY: ReportRegistration = Object.freeze({ topics: Object.freeze([]), phaseId: null, wrapUpCode: null });
/** Past this many distinct texts the data is not low-cardinality after all: stop caching. */
const MAX_CACHED = 100_000;

/**
 * Parses registration JSON (without notes) once per distinct text. A year of a line has a
 * few thousand distinct topic/phase/wrap-up combinations for hundreds of thousands of
 * conversations, and records share the frozen result.
 */
export class RegistrationReader {
  private readonly cache = new Map<string, ReportRegistration>();

  read(text: string | null): ReportRegistration {
    if (text === null) return EMPTY;
    const cached = this.cache.get(text);
    if (cached) return cached;
    const parsed = parse(text);
    if (this.cache.size < MAX_CACHED) this.cache.set(text, parsed);
    return parsed;
  }
}

function parse(text: string): ReportRegistration {
  const value = JSON.parse(text) as Partial<Registration> | null;
  const topics = (value?.topics ?? []).flatMap((topic) => (typeof topic?.topicId === 'string' ? [topic.topicId] : []));
  return Object.freeze({
    topics: Object.freeze(topics),
    phaseId: typeof value?.phaseId === 'string' ? value.phaseId : null,
    wrapUpCode: typeof value?.wrapUpCode === 'string' ? value.wrapUpCode : null,
  });
}
