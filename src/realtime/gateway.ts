import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { isAppError } from '../core/errors/app-error.js';
import type { Agent } from '../core/model/index.js';
import { AuthService } from '../app/auth/auth.service.js';
import { conversationIdOfToken, verifyWidgetToken } from '../app/auth/widget-token.js';
import { isSupervising, type Participant } from '../app/conversation/access.js';
import { loadConversation } from '../app/conversation/read-conversation.js';
import type { ServiceDeps } from '../app/deps.js';
import { AgentPresence, type SharedPresence } from './agent-presence.js';
import { RealtimeConnection } from './realtime-connection.js';
import { localFrameCommands, type FrameCommands } from './write-frames.js';

export const SESSION_COOKIE = 'centraal_session';
/** RFC 6455 close code 1012: the server is restarting; reconnect. */
export const SERVICE_RESTART_CLOSE_CODE = 1012;
/** The staff session behind the socket ended (logout, lifetime, idle): log in again. */
export const SESSION_ENDED_CLOSE_CODE = 4401;
const SESSION_CHECK_MS = 30_000;

/**
 * The one WebSocket endpoint (`/ws`) for widget customers, agents and supervisors.
 * Authentication happens on the upgrade: a widget token in the query, or the session cookie
 * (with an Origin check, so another site cannot open an agent's socket with its cookie).
 */
export class RealtimeGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly connections = new Set<RealtimeConnection>();
  /** Agent sockets and the session each was opened with, so an ended session closes its sockets. */
  private readonly sessions = new Map<RealtimeConnection, { sessionId: string; touchedAt: number }>();
  private readonly presence: AgentPresence;
  private sessionTimer: NodeJS.Timeout | undefined;
  private readonly commands: FrameCommands;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
    /** Where write frames run; with several nodes, on the tenant's lease holder. */
    commands?: FrameCommands,
    /** Several nodes: agents' sockets counted across nodes. */
    sharedPresence?: SharedPresence,
  ) {
    this.commands = commands ?? localFrameCommands(deps);
    this.presence = new AgentPresence(deps, deps.config.AGENT_DISCONNECT_GRACE_SECONDS * 1000, this.commands, sharedPresence);
  }

  attach(server: Server): void {
    server.on('upgrade', (request, socket, head) => {
      void this.handleUpgrade(request, socket, head);
    });
    this.sessionTimer = setInterval(() => void this.checkSessions(), SESSION_CHECK_MS);
    this.sessionTimer.unref();
  }

  /** Closes agent sockets whose session ended since they connected (runs every 30 s). */
  async checkSessions(): Promise<void> {
    for (const [connection, { sessionId }] of this.sessions) {
      const alive = await this.auth.isAlive(sessionId).catch(() => true);
      if (!alive) connection.close(SESSION_ENDED_CLOSE_CODE, 'session ended; log in again');
    }
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /**
   * Stops taking upgrades and closes every socket with 1012 "service restart": clients reconnect
   * (to another node behind the load balancer) and resume by sequence number.
   */
  async close(): Promise<void> {
    this.presence.stop();
    if (this.sessionTimer) clearInterval(this.sessionTimer);
    this.wss.close();
    for (const connection of this.connections) connection.close(SERVICE_RESTART_CLOSE_CODE, 'service restart; reconnect');
  }

  private async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ws') return reject(socket, 404, 'Not Found');
    try {
      const authenticated = await this.authenticate(request, url);
      if (!authenticated) return reject(socket, 401, 'Unauthorized');
      this.wss.handleUpgrade(request, socket, head, (ws) => this.open(ws, authenticated.who, authenticated.tenantId, url, authenticated.sessionId));
    } catch (error) {
      reject(socket, isAppError(error) ? error.status : 500, 'Upgrade failed');
    }
  }

  private async authenticate(request: IncomingMessage, url: URL): Promise<{ who: Participant; tenantId: string; sessionId?: string } | undefined> {
    const token = url.searchParams.get('token');
    if (token) {
      const conversationId = conversationIdOfToken(token);
      if (!conversationId) return undefined;
      const conversation = await loadConversation(this.deps, conversationId).catch(() => undefined);
      if (!conversation) return undefined;
      const secret = this.deps.directory.tenant(conversation.tenantId).secret;
      return verifyWidgetToken(secret, token) ? { who: { kind: 'customer', conversationId }, tenantId: conversation.tenantId } : undefined;
    }
    const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!cookie || !sameOrigin(request)) return undefined;
    const session = await this.auth.authenticate(cookie, (tenantId, id) => this.deps.directory.findAgent(tenantId, id));
    return session && { who: { kind: 'agent', agent: session.agent }, tenantId: session.agent.tenantId, sessionId: session.sessionId };
  }

  private open(ws: WebSocket, who: Participant, tenantId: string, url: URL, sessionId?: string): void {
    const connection = new RealtimeConnection(ws, who, this.deps, tenantId, this.commands);
    this.connections.add(connection);
    const session = sessionId ? { sessionId, touchedAt: this.deps.clock.now() } : undefined;
    if (session) this.sessions.set(connection, session);
    if (who.kind === 'agent') this.presence.connected(who.agent.tenantId, who.agent.id);
    ws.on('close', () => {
      connection.dispose();
      this.connections.delete(connection);
      this.sessions.delete(connection);
      if (who.kind === 'agent') this.presence.disconnected(who.agent.tenantId, who.agent.id);
    });
    ws.on('message', (data: RawData) => {
      // Working on the socket is activity: the session does not go idle under a busy agent.
      if (session) void this.auth.touch(session.sessionId, session.touchedAt).then((at) => (session.touchedAt = at), () => undefined);
      connection.onMessage(data.toString());
    });
    ws.on('error', () => ws.terminate());
    const afterSeq = Number(url.searchParams.get('afterSeq') ?? '0');
    connection.start(Number.isFinite(afterSeq) && afterSeq >= 0 ? afterSeq : 0);
  }
}

export function supervises(agent: Agent): boolean {
  return isSupervising(agent);
}

function reject(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Browsers always send Origin on WebSocket upgrades; non-browser clients may omit it. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
