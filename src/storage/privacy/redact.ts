/** What replaces personal text that must go but whose row stays (incident evidence, compliments). */
export const REDACTED = '[redacted]';

/** Keys whose string values are codes or ids, not what a person wrote; they survive anonymisation. */
const STRUCTURAL_KEY = /(^id$|Id$|Ids$|^channel$|^language$|^type$|^kind$|^state$|^code$|^intent$|^status$|^queueName$|^lineName$|^label$|^until$|^at$)/;
/** Recordings and anything that points at one disappear entirely. */
const RECORDING_KEY = /recording/i;

/**
 * A copy of an event's data with every free text replaced and recordings removed: message
 * texts, names, notes, reasons typed by people. Ids and codes stay so reports still add up.
 */
export function redactData(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return STRUCTURAL_KEY.test(key) ? value : REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactData(item, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (RECORDING_KEY.test(k)) continue;
      out[k] = redactData(v, k);
    }
    return out;
  }
  return value;
}
