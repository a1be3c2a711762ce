import type { SafetyActionInput, SafetyActionKind } from '../api/api-types.js';
import type { MessageKey } from '../i18n/dictionaries.js';

/** The server wants a reason of at least this many characters (after trimming). */
export const MIN_REASON = 3;
export const MAX_MINUTES = 24 * 60;

export interface SafetyFormValues {
  kind: SafetyActionKind;
  reason: string;
  /** Empty: the line's default time-out. */
  minutes: string;
  hours: string;
}

/** The body for `POST /safety-action`, or what is wrong with the form (checked again by the server). */
export function toSafetyAction(values: SafetyFormValues): { ok: true; input: SafetyActionInput } | { ok: false; error: MessageKey } {
  const reason = values.reason.trim();
  if (reason.length < MIN_REASON) return { ok: false, error: 'safety.invalidReason' };
  switch (values.kind) {
    case 'warn':
      return { ok: true, input: { kind: 'warn', reason } };
    case 'time_out': {
      if (values.minutes.trim() === '') return { ok: true, input: { kind: 'time_out', reason } };
      const minutes = Number(values.minutes);
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES) return { ok: false, error: 'safety.invalidMinutes' };
      return { ok: true, input: { kind: 'time_out', reason, minutes } };
    }
    case 'block': {
      const hours = Number(values.hours);
      if (values.hours.trim() === '' || !Number.isFinite(hours) || hours <= 0) return { ok: false, error: 'safety.invalidHours' };
      return { ok: true, input: { kind: 'block', reason, hours } };
    }
  }
}
