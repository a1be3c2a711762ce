/**
 * The reply token carries a thread through mail clients that drop In-Reply-To/References:
 * replies go to `local+TOKEN@domain` and the subject ends in `[#TOKEN]`.
 */
const TOKEN = /^[a-z2-9]{10}$/;
const SUBJECT_TAG = /\[#([a-z2-9]{10})\]/i;

export function plusAddress(address: string, token: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}+${token}${address.slice(at)}`;
}

/** Splits `local+token@domain` into the base address and the token. */
export function splitPlusAddress(address: string): { base: string; token?: string } {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 1) return { base: lower };
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  if (plus < 0) return { base: lower };
  const token = local.slice(plus + 1);
  return { base: `${local.slice(0, plus)}${lower.slice(at)}`, ...(TOKEN.test(token) ? { token } : {}) };
}

export function tokenFromSubject(subject: string): string | undefined {
  return SUBJECT_TAG.exec(subject)?.[1]?.toLowerCase();
}

/** "Re: <subject> [#token]" once, however often the customer replied. */
export function replySubject(subject: string | null, token: string): string {
  const base = (subject ?? '').replace(SUBJECT_TAG, '').replace(/^\s*((re|aw|antw|fw|fwd|tr)\s*:\s*)+/i, '').trim();
  return `Re: ${base || '…'} [#${token}]`;
}
