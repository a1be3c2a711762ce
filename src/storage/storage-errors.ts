/**
 * Whether an error means "the database cannot be reached right now" (server down, restarting,
 * connection dropped), as opposed to a bug or a constraint: such requests get the retryable
 * STORAGE_UNAVAILABLE (503) and the process keeps running until the database is back.
 */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

export function isStorageUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== 'object') return false;
    const code = String((e as { code?: unknown }).code ?? '');
    // PostgreSQL classes 08 (connection exception) and 57P0x (shutdown, cannot connect now).
    if (CONNECTION_CODES.has(code) || code.startsWith('08') || /^57P0[1-4]$/.test(code)) return true;
    const message = String((e as { message?: unknown }).message ?? '');
    if (/Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(message)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isStorageUnavailable(inner))) return true;
  }
  return false;
}
