import type { Hit } from './hit.types.js';
import type { PatternRule } from './lexicons/lexicon.types.js';
import { tokenAt, type Token, type TokenString } from './normalize-text.js';

function patternHit(rule: PatternRule, match: RegExpExecArray, tokens: readonly Token[], tokenString: TokenString): Hit {
  const firstToken = tokenAt(tokenString.offsets, match.index);
  const lastToken = tokenAt(tokenString.offsets, match.index + Math.max(0, match[0].length - 1));
  return {
    kind: rule.kind,
    severity: rule.severity,
    ruleId: rule.id,
    matched: match[0].trim(),
    firstToken,
    lastToken,
    start: tokens[firstToken]?.start ?? 0,
    end: tokens[lastToken]?.end ?? 0,
    source: 'pattern',
    role: null,
    negatable: rule.negatable ?? false,
    guard: null,
  };
}

/**
 * Runs the phrase rules (threats, sex-caller lines, disclosures) over the normalised token string.
 * A rule runs only when one of its trigger words occurs in the string, so most messages run none.
 */
export function matchPatterns(tokens: readonly Token[], tokenString: TokenString, rules: readonly PatternRule[]): Hit[] {
  const hits: Hit[] = [];
  for (const rule of rules) {
    if (!rule.triggers.some((trigger) => tokenString.text.includes(trigger))) continue;
    const match = rule.pattern.exec(tokenString.text);
    if (match) hits.push(patternHit(rule, match, tokens, tokenString));
  }
  return hits;
}
