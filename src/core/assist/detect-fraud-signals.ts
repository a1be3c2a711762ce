import { FRAUD_SIGNAL_RULES, type FraudSeverity, type FraudSignalId, type FraudSignalRule } from './fraud-signal-rules.js';

export interface FraudSignal {
  readonly id: FraudSignalId;
  readonly severity: FraudSeverity;
  /** The customer's words that matched (normalised: lower case, no accents). */
  readonly evidence: string;
  readonly advice: FraudSignalRule['advice'];
}

const NEGATION = /\b(niet|nooit|geen|niemand|pas|jamais|aucun|not|never|no|didn't|don't|haven't|hasn't|n't)\b/;
/** How far before a match a negation still counts ("nooit mijn code gegeven"). */
const NEGATION_REACH = 14;

/** Lower case, accents off, curly quotes straight, whitespace collapsed. */
export function normaliseForSignals(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function negated(text: string, start: number, end: number): boolean {
  const sentenceStart = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('!', start - 1), text.lastIndexOf('?', start - 1)) + 1;
  const from = Math.max(sentenceStart, start - NEGATION_REACH);
  return NEGATION.test(text.slice(from, end));
}

function firstMatch(rule: FraudSignalRule, text: string): string | null {
  for (const pattern of rule.patterns) {
    const match = pattern.exec(text);
    if (match && !negated(text, match.index, match.index + match[0].length)) return match[0];
  }
  return null;
}

/**
 * Fraud and phishing signals in a customer's messages, each once, the most serious first.
 *
 * @example
 *   detectFraudSignals(['iemand belde namens de bank en ik heb mijn code gegeven'])
 *   // → [{ id: 'code_shared', … }, { id: 'caller_posing_as_bank', … }]
 */
export function detectFraudSignals(messages: readonly string[]): FraudSignal[] {
  const texts = messages.map(normaliseForSignals);
  const found: FraudSignal[] = [];
  for (const rule of FRAUD_SIGNAL_RULES) {
    for (const text of texts) {
      const evidence = firstMatch(rule, text);
      if (evidence === null) continue;
      found.push({ id: rule.id, severity: rule.severity, evidence, advice: rule.advice });
      break;
    }
  }
  const rank = (s: FraudSeverity) => (s === 'high' ? 0 : 1);
  return found.sort((a, b) => rank(a.severity) - rank(b.severity));
}
