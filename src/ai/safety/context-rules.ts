import type { Hit } from './hit.types.js';
import type { CompiledLexicon } from './lexicons/compiled-lexicon.js';
import type { ContextMarkers } from './lexicons/lexicon.types.js';
import { tokenAt, type Token, type TokenString } from './normalize-text.js';
import type { CareSignal, SuppressionReason } from './safety.types.js';

/** How far the context rules look, in tokens. Small on purpose: further away is another thought. */
const REPORTED_BEFORE_WINDOW = 12;
const REPORTED_AFTER_WINDOW = 12;
const COUNTER_SPEECH_WINDOW = 6;
const NEGATION_WINDOW = 3;
const MEDICAL_WINDOW = 2;
/** "geen bedreiging, maar ik weet waar je woont": a contrast word ends the negation's reach. */
const CONTRAST = new Set(['maar', 'doch', 'but', 'though', 'mais', 'pourtant']);

interface Span {
  first: number;
  last: number;
}

type MarkerKind = 'reportedBefore' | 'reportedAfter' | 'counterSpeech' | 'education';

const globalCopies = new Map<RegExp, RegExp>();
function globalCopy(pattern: RegExp): RegExp {
  let copy = globalCopies.get(pattern);
  if (!copy) {
    copy = new RegExp(pattern.source, 'g');
    globalCopies.set(pattern, copy);
  }
  copy.lastIndex = 0;
  return copy;
}

function findMarkers(markers: readonly ContextMarkers[], kind: MarkerKind, tokenString: TokenString): Span[] {
  const spans: Span[] = [];
  for (const set of markers) {
    for (const pattern of set[kind]) {
      for (const match of tokenString.text.matchAll(globalCopy(pattern))) {
        spans.push({ first: tokenAt(tokenString.offsets, match.index), last: tokenAt(tokenString.offsets, match.index + Math.max(0, match[0].length - 1)) });
      }
    }
  }
  return spans;
}

export interface ContextInput {
  tokens: readonly Token[];
  tokenString: TokenString;
  lexicon: CompiledLexicon;
  careSignals: ReadonlySet<CareSignal>;
}

/**
 * Decides, per hit, whether the words around it make it something other than abuse: reported
 * speech, counter-speech, a quotation, a negation, a sex-education question, the disease
 * "kanker", a name, or a message that is a cry for help. Markers are searched only once a hit
 * needs them, so clean messages pay nothing.
 */
export class ContextRules {
  private readonly spans = new Map<MarkerKind, Span[]>();

  constructor(private readonly input: ContextInput) {}

  suppressionFor(hit: Hit): SuppressionReason | null {
    if (hit.source === 'spam') return this.input.careSignals.size > 0 ? 'care_context' : null;
    if (hit.kind === 'self_harm' || hit.kind === 'abuse_disclosure') return null;
    if (hit.kind === 'swearing' && hit.role === 'expletive' && this.input.careSignals.size > 0) return 'care_context';
    if (hit.guard === 'proper_name' && this.isName(hit)) return 'proper_name';
    if (hit.guard === 'medical' && hit.obfuscation !== 'compound' && this.isMedical(hit)) return 'medical_context';
    // Reported speech first: a quotation with "hij schreef" before it is a disclosure, not just a mention.
    if (this.isReported(hit)) return 'reported_speech';
    if (this.isQuoted(hit)) return 'quoted';
    if (this.near('counterSpeech', hit, COUNTER_SPEECH_WINDOW)) return 'counter_speech';
    if (hit.role === 'vulgar' && this.markers('education').length > 0) return 'education_question';
    if (hit.negatable && this.isNegated(hit)) return 'negation';
    return null;
  }

  private markers(kind: MarkerKind): Span[] {
    let spans = this.spans.get(kind);
    if (!spans) {
      spans = findMarkers(Object.values(this.input.lexicon.markers), kind, this.input.tokenString);
      this.spans.set(kind, spans);
    }
    return spans;
  }

  private sentenceOf(index: number): number {
    return this.input.tokens[index]?.sentence ?? -1;
  }

  /** A marker ending before the hit, in the same sentence, within `window` tokens. */
  private near(kind: MarkerKind, hit: Hit, window: number): boolean {
    const sentence = this.sentenceOf(hit.firstToken);
    return this.markers(kind).some((span) => span.last < hit.firstToken + 1 && span.first <= hit.firstToken && hit.firstToken - span.last <= window && this.sentenceOf(span.last) === sentence);
  }

  private isReported(hit: Hit): boolean {
    if (this.near('reportedBefore', hit, REPORTED_BEFORE_WINDOW)) return true;
    const sentence = this.sentenceOf(hit.lastToken);
    return this.markers('reportedAfter').some((span) => span.first > hit.lastToken && span.first - hit.lastToken <= REPORTED_AFTER_WINDOW && this.sentenceOf(span.first) - sentence <= 1);
  }

  private isQuoted(hit: Hit): boolean {
    const { tokens } = this.input;
    for (let i = hit.firstToken; i <= hit.lastToken; i += 1) if (!tokens[i]?.quoted) return false;
    return hit.firstToken >= 0;
  }

  private isNegated(hit: Hit): boolean {
    const { tokens, lexicon } = this.input;
    const clause = tokens[hit.firstToken]?.clause;
    for (let i = hit.firstToken - 1; i >= Math.max(0, hit.firstToken - NEGATION_WINDOW); i -= 1) {
      const token = tokens[i];
      if (!token || token.clause !== clause || CONTRAST.has(token.norm)) return false;
      if (lexicon.negators.has(token.norm)) return true;
    }
    return false;
  }

  private isMedical(hit: Hit): boolean {
    const { tokens, lexicon } = this.input;
    // Only Dutch has a guarded word ("kanker" is also the disease), so only Dutch has these lists.
    const { medicalBefore, medicalAfter } = lexicon.markers.nl;
    for (let d = 1; d <= MEDICAL_WINDOW; d += 1) {
      if (medicalBefore.includes(tokens[hit.firstToken - d]?.norm ?? '')) return true;
      if (medicalAfter.includes(tokens[hit.lastToken + d]?.norm ?? '')) return true;
    }
    return false;
  }

  /** "Dick" in the middle of a sentence is somebody's name; "dick" or "DICK" is not. */
  private isName(hit: Hit): boolean {
    const token = this.input.tokens[hit.firstToken];
    return token !== undefined && token.capitalized && !token.sentenceInitial;
  }
}
