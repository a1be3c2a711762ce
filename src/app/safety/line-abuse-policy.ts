import { DEFAULT_ABUSE_POLICY, parseAbusePolicy, type AbusePolicy } from '../../core/policy/index.js';
import type { Line } from '../../core/model/index.js';
import type { ServiceDeps } from '../deps.js';

const parsed = new WeakMap<Line, AbusePolicy>();

/**
 * The line's abuse policy (its `abusePolicy` setting, or the default). Parsed once per line
 * object: an admin change replaces the line in the directory, so the cache follows it.
 * A stored policy that no longer validates falls back to the default and is logged.
 */
export function abusePolicyOf(deps: ServiceDeps, line: Line): AbusePolicy {
  const cached = parsed.get(line);
  if (cached) return cached;
  let policy = DEFAULT_ABUSE_POLICY;
  if (line.abusePolicy) {
    try {
      policy = parseAbusePolicy(line.abusePolicy);
    } catch (error) {
      deps.log('warn', `line ${line.id} has an invalid abuse policy; using the default`, { error: String(error) });
    }
  }
  parsed.set(line, policy);
  return policy;
}
