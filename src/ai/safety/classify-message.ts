import { ContextRules } from './context-rules.js';
import { detectLanguage } from './detect-language.js';
import { detectSpam } from './detect-spam.js';
import type { Hit } from './hit.types.js';
import { compiledLexicon } from './lexicons/compiled-lexicon.js';
import { matchPatterns } from './match-patterns.js';
import { matchTerms } from './match-terms.js';
import { toTokenString, tokenize } from './normalize-text.js';
import { isAbuseCategory, pickLabel, scoreCategories } from './score-classification.js';
import type { CareSignal, Classification, ClassifyOptions, Evidence, SuppressionReason } from './safety.types.js';

function toEvidence(text: string, hit: Hit, suppressedBy: SuppressionReason | null): Evidence | null {
  if (!isAbuseCategory(hit.kind)) return null;
  return {
    term: text.slice(hit.start, Math.min(hit.end, hit.start + 200)),
    matched: hit.matched.slice(0, 200),
    category: hit.kind,
    severity: Math.round(hit.severity * 1000) / 1000,
    start: hit.start,
    end: hit.end,
    ruleId: hit.ruleId,
    ...(hit.obfuscation ? { obfuscation: hit.obfuscation } : {}),
    ...(suppressedBy ? { suppressedBy } : {}),
  };
}

function careSignalsOf(hits: readonly Hit[]): Set<CareSignal> {
  const signals = new Set<CareSignal>();
  for (const hit of hits) if (hit.kind === 'self_harm' || hit.kind === 'abuse_disclosure') signals.add(hit.kind);
  return signals;
}

/**
 * Scores one customer message for swearing, threats, discrimination, sexual language and spam,
 * in Dutch, French and English, and says why. Self-harm and abuse disclosures come back as
 * `careSignals` with the label `ok`: the contact needs help, not a warning.
 *
 * @example
 * classifyMessage('ik maak je af').label // 'threat'
 * classifyMessage('ze noemen me een hoer, mag dat?').label // 'ok', careSignals ['abuse_disclosure']
 */
export function classifyMessage(text: string, options: ClassifyOptions = {}): Classification {
  const input = typeof text === 'string' ? text : '';
  const lexicon = compiledLexicon();
  const tokens = tokenize(input);
  const language = options.language ?? detectLanguage(tokens, lexicon);
  const tokenString = toTokenString(tokens);
  const patternHits = matchPatterns(tokens, tokenString, lexicon.patterns);
  const hits = [...matchTerms(input, tokens, lexicon, language), ...patternHits, ...detectSpam(input, tokens)];
  const careSignals = careSignalsOf(patternHits);
  const rules = new ContextRules({ tokens, tokenString, lexicon, careSignals });
  const counted: Hit[] = [];
  const evidence: Evidence[] = [];
  const suppressed: Evidence[] = [];
  for (const hit of hits) {
    const reason = rules.suppressionFor(hit);
    const item = toEvidence(input, hit, reason);
    if (reason === 'reported_speech') careSignals.add('abuse_disclosure');
    if (!item) continue;
    if (reason) suppressed.push(item);
    else {
      counted.push(hit);
      evidence.push(item);
    }
  }
  const categories = scoreCategories(counted);
  return { ...pickLabel(categories), categories, evidence, suppressed, careSignals: [...careSignals], language };
}
