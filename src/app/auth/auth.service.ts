import { createHash, randomBytes } from 'node:crypto';
import type { Agent } from '../../core/model/index.js';
import type { Repositories } from '../../storage/index.js';
import { errors } from '../app.errors.js';
import type { Clock } from '../clock.js';
import { verifyPassword } from './password.js';

export interface AuthenticatedSession {
  agent: Agent;
  sessionId: string;
  csrfToken: string;
  expiresAt: number;
}

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionLimits {
  /** Absolute lifetime from login. */
  ttlMs: number;
  /** A session without requests for this long ends (0: no idle time-out). */
  idleMs: number;
}

/** Login with lockout, sessions stored as hashes, and session lookup for every request. */
export class AuthService {
  private readonly limits: SessionLimits;

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    limits: number | SessionLimits,
  ) {
    this.limits = typeof limits === 'number' ? { ttlMs: limits, idleMs: 0 } : limits;
  }

  async login(email: string, password: string): Promise<{ token: string; session: AuthenticatedSession }> {
    const now = this.clock.now();
    const found = await this.repos.users.findCredentials(email);
    if (!found) {
      // Spend the same time as a real check so response times do not reveal which emails exist.
      await verifyPassword(password, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      throw errors.badCredentials();
    }
    if (found.lockedUntil !== null && found.lockedUntil > now) throw errors.accountLocked(found.lockedUntil);
    if (!(await verifyPassword(password, found.passwordHash))) {
      const failed = found.failedLogins + 1;
      const lockedUntil = failed >= MAX_FAILED_LOGINS ? now + LOCKOUT_MS : null;
      await this.repos.users.recordLoginResult(found.agent.id, lockedUntil ? 0 : failed, lockedUntil);
      if (lockedUntil) throw errors.accountLocked(lockedUntil);
      throw errors.badCredentials();
    }
    if (found.failedLogins > 0 || found.lockedUntil !== null) await this.repos.users.recordLoginResult(found.agent.id, 0, null);
    const token = randomBytes(32).toString('base64url');
    const session = { id: hashToken(token), userId: found.agent.id, tenantId: found.agent.tenantId, csrfToken: randomBytes(24).toString('base64url'), expiresAt: now + this.limits.ttlMs };
    await this.repos.sessions.insert(session, now);
    return { token, session: { agent: found.agent, sessionId: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt } };
  }

  /** The session for a cookie token, or undefined when unknown, past its lifetime, or idle too long. */
  async authenticate(token: string, findAgent: (tenantId: string, id: string) => Agent | undefined): Promise<AuthenticatedSession | undefined> {
    const session = await this.repos.sessions.get(hashToken(token));
    if (!session) return undefined;
    const now = this.clock.now();
    const lastSeen = session.lastSeenAt ?? now;
    const idle = this.limits.idleMs > 0 && now - lastSeen >= this.limits.idleMs;
    if (session.expiresAt <= now || idle) {
      await this.repos.sessions.delete(session.id);
      return undefined;
    }
    // One write a minute at most (or a tenth of the idle time), not one per request.
    if (this.limits.idleMs > 0 && now - lastSeen >= Math.min(60_000, this.limits.idleMs / 10)) await this.repos.sessions.touch(session.id, now);
    const agent = findAgent(session.tenantId, session.userId);
    return agent && { agent, sessionId: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  /**
   * For long-lived sockets: whether the session is still alive (not logged out, not past its
   * lifetime, not idle too long), without ending or touching it.
   */
  async isAlive(sessionId: string): Promise<boolean> {
    const session = await this.repos.sessions.get(sessionId);
    if (!session) return false;
    const now = this.clock.now();
    if (session.expiresAt <= now) return false;
    return !(this.limits.idleMs > 0 && now - (session.lastSeenAt ?? now) >= this.limits.idleMs);
  }

  /** Activity on a socket keeps the session from going idle, like a request does (one write a minute at most). */
  async touch(sessionId: string, lastTouchedAt: number): Promise<number> {
    const now = this.clock.now();
    if (this.limits.idleMs <= 0 || now - lastTouchedAt < Math.min(60_000, this.limits.idleMs / 10)) return lastTouchedAt;
    await this.repos.sessions.touch(sessionId, now);
    return now;
  }

  async logout(sessionId: string): Promise<void> {
    await this.repos.sessions.delete(sessionId);
  }
}
