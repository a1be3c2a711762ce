import { expect } from 'vitest';
import { classifyMessage } from './classify-message.js';
import type { AbuseLabel, CareSignal, Language } from './safety.types.js';

/** One row of a language table: the message, the label it must get and, optionally, a care signal. */
export interface LabelCase {
  text: string;
  label: AbuseLabel;
  care?: CareSignal;
  why: string;
}

export function expectCase({ text, label, care }: LabelCase, language?: Language): void {
  const result = classifyMessage(text, language ? { language } : {});
  const seen = `${label} ← ${JSON.stringify({ label: result.label, evidence: result.evidence.map((e) => e.ruleId), suppressed: result.suppressed.map((e) => `${e.ruleId}:${e.suppressedBy}`) })}`;
  expect(result.label, seen).toBe(label);
  if (care) expect(result.careSignals).toContain(care);
}
