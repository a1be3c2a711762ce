import { isIP } from 'node:net';

/**
 * Which reverse proxies may tell us the client's address (X-Forwarded-For). Passed to Fastify's
 * `trustProxy`: `false` (the header is ignored: anyone could write it), a hop count (trust that
 * many proxies in front of us, counted from the socket), or a list of proxy addresses and CIDR
 * ranges (only a connection from one of them may set the client address).
 */
export type TrustProxy = false | number | string[];

/** Names proxy-addr (Fastify) understands as address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const OFF = new Set(['', 'off', 'false', 'no', '0']);

/** Parses TRUST_PROXY; returns an error text for a value we do not understand (never trusts by accident). */
export function parseTrustProxy(text: string): { ok: true; value: TrustProxy } | { ok: false; error: string } {
  const value = text.trim().toLowerCase();
  if (OFF.has(value)) return { ok: true, value: false };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) return { ok: false, error: 'a hop count is at most 10' };
    return { ok: true, value: hops };
  }
  if (value === 'true' || value === 'all' || value === '*') {
    // Trusting every sender makes X-Forwarded-For spoofable by anyone who reaches the port.
    return { ok: false, error: 'trusting every address is refused; give a hop count or the proxies\' addresses' };
  }
  const entries = value.split(',').map((e) => e.trim()).filter((e) => e !== '');
  for (const entry of entries) {
    if (!isAddressOrRange(entry)) return { ok: false, error: `"${entry}" is not an IP address, a CIDR range or one of ${[...NAMED_RANGES].join(', ')}` };
  }
  return { ok: true, value: entries };
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
