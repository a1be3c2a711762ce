import type { CompoundSide, PatternKind, TermGuard, TermRole } from './lexicons/lexicon.types.js';
import type { Evidence } from './safety.types.js';

/** One thing that fired, before the context rules decide whether it counts. */
export interface Hit {
  kind: PatternKind;
  severity: number;
  ruleId: string;
  matched: string;
  /** Token range the context rules look around; -1 when the hit has no token (a URL, binary noise). */
  firstToken: number;
  lastToken: number;
  start: number;
  end: number;
  source: 'term' | 'pattern' | 'spam';
  role: TermRole | null;
  negatable: boolean;
  guard: TermGuard | null;
  compound?: CompoundSide;
  obfuscation?: Evidence['obfuscation'];
}
