import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../app/app.errors.js';
import { AppError } from '../core/errors/app-error.js';
import type { AuthService } from '../app/auth/auth.service.js';
import type { ServiceDeps } from '../app/deps.js';
import { readCookie, SESSION_COOKIE } from '../realtime/gateway.js';
import type { RedisEventBus } from '../realtime/redis-event-bus.js';
import { topics, type BusMessage } from '../realtime/event-bus.js';
import type { ServerFrame } from '../realtime/protocol.js';
import { executeWriteFrame, type FrameCommands, type ParticipantRef, type WriteFrame } from '../realtime/write-frames.js';
import { receiveItemsHere, type InboundForwarder, type InboundOutcome } from '../app/channels/receive-inbound.js';
import type { DeliveryStatusUpdate, InboundAttachment, InboundMessage } from '../channels/channel-contract.js';
import { ClusterRpc } from './cluster-rpc.js';
import type { ConfigSync } from './config-sync.js';
import type { LeaseKeeper } from './lease-keeper.js';

/** How long a forwarded request may take on the holder before the caller gets a retryable 503. */
const FORWARD_TIMEOUT_MS = 5000;
/** Lease holders are read at most this often (a takeover is noticed within it, or on a failed call). */
const HOLDER_CACHE_MS = 500;
const FORWARDED_HEADER = 'x-centraal-forwarded';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Reads that come from the routing engine's memory (or the holder's directory), so only the holder answers them. */
const HOLDER_READS = /^\/api\/(agent\/|agents(\?|$)|supervisor\/|wallboard)/;
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'date', FORWARDED_HEADER]);
/**
 * Not replayed on the holder: the client address is already resolved here (TRUST_PROXY) and travels
 * as `remoteAddress`; the holder must not apply the proxy chain a second time.
 */
const RESOLVED_HEADERS = new Set(['x-forwarded-for']);

type RpcBody =
  | { kind: 'http'; method: string; url: string; headers: Record<string, string | string[]>; body: string; remoteAddress: string }
  | { kind: 'frame'; tenantId: string; who: ParticipantRef; frame: WriteFrame }
  | { kind: 'inbound'; tenantId: string; items: WireInboundItem[] };

/** An inbound item as it crosses nodes: attachment bytes as base64. */
type WireInboundItem = DeliveryStatusUpdate | (Omit<InboundMessage, 'attachments'> & { attachments: Array<Omit<InboundAttachment, 'content'> & { content: string }> });

interface HttpReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/**
 * Sends each tenant's writes to the node that holds the tenant's routing lease. HTTP requests
 * that change state (and the few reads answered from routing memory) are replayed on the
 * holder with `inject`, so they pass the same validation, auth, rate limits and handlers as
 * there; socket write frames run there as commands. Everything else is served where it lands:
 * reads from the database, and live events through the Redis bus.
 */
export class ClusterRouter implements FrameCommands, InboundForwarder {
  readonly clustered = true;
  /** Marks a request this node injected itself; only this process knows it, so clients cannot skip forwarding. */
  private readonly injectedMark = randomBytes(16).toString('hex');
  private readonly rpc: ClusterRpc;
  private holders: { at: number; byTenant: Map<string, string> } | undefined;
  private holdersLoading: Promise<Map<string, string>> | undefined;
  private readonly conversationTenants = new Map<string, string>();
  private server: FastifyInstance | undefined;
  private readonly forwarded = new WeakSet<FastifyRequest>();
  private offConfig: () => void = () => undefined;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
    private readonly keeper: LeaseKeeper,
    private readonly bus: RedisEventBus,
    private readonly configSync: ConfigSync,
  ) {
    this.rpc = new ClusterRpc(bus, keeper.nodeId, (body) => this.onRequest(body as RpcBody));
  }

  /** Starts answering other nodes; `server` serves the HTTP requests they forward. */
  start(server: FastifyInstance): void {
    this.server = server;
    this.rpc.start();
    this.offConfig = this.bus.subscribe(topics.cluster, (message) => void this.onConfigChange(message));
  }

  stop(): void {
    this.offConfig();
    this.rpc.stop();
  }

  /**
   * Another node changed configuration (admin, supervisor, content, knowledge), or Redis came back
   * after messages may have been lost (`resync`): compare the stored counters and reload what moved.
   */
  private async onConfigChange(message: BusMessage): Promise<void> {
    try {
      if (message.kind === 'knowledge.saved') await this.deps.knowledge.reloadArticle(message.tenantId, message.articleId);
      if (message.kind === 'directory.changed' || message.kind === 'knowledge.saved' || message.kind === 'resync') await this.configSync.check();
    } catch (error) {
      this.deps.log('warn', 'applying a configuration change from another node failed; the periodic check retries', { error: String(error) });
    }
  }

  /** The `onResponse` hook: after a configuration change handled here, tell the other nodes. */
  readonly afterResponse = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (this.forwarded.has(request) || SAFE_METHODS.has(request.method) || reply.statusCode >= 400) return;
    const tenantId = request.session?.agent.tenantId;
    if (!tenantId) return;
    // Admin (lines, queues, agents, IVR flows), supervisors (agent skills, queues) and content managers (bots, intents, labelled utterances).
    const directoryChange = /^\/api\/(admin|supervisor\/agents|content)\//.test(request.url);
    const article = /^\/api\/knowledge\/articles\/([^/?]+)/.exec(request.url);
    if (!directoryChange && !article) return;
    // The counter first (the change is committed): a node that misses the message below still sees it moved.
    await this.configSync.changed(tenantId, Date.now()).catch((error: unknown) => {
      this.deps.log('error', 'configuration counter not raised: nodes cut off from Redis now may keep the old configuration', { tenantId, error: String(error) });
    });
    if (directoryChange) this.bus.publish(topics.cluster, { kind: 'directory.changed', tenantId });
    if (article) this.bus.publish(topics.cluster, { kind: 'knowledge.saved', tenantId, articleId: decodeURIComponent(article[1]!) });
  };

  // ---- socket write frames

  async run(tenantId: string, who: ParticipantRef, frame: WriteFrame): Promise<ServerFrame | null> {
    if (this.keeper.serves(tenantId)) return executeWriteFrame(this.deps, who, frame);
    const holder = await this.holderOf(tenantId);
    return this.call(holder, { kind: 'frame', tenantId, who, frame }) as Promise<ServerFrame | null>;
  }

  // ---- inbound email and WhatsApp (webhooks and SMTP reach any node)

  forward(tenantId: string, items: ReadonlyArray<InboundMessage | DeliveryStatusUpdate>): Promise<InboundOutcome[]> | undefined {
    if (this.keeper.serves(tenantId)) return undefined;
    const wire: WireInboundItem[] = items.map((item) => (item.kind === 'status' ? item : { ...item, attachments: item.attachments.map((a) => ({ ...a, content: a.content.toString('base64') })) }));
    return this.holderOf(tenantId).then((holder) => this.call(holder, { kind: 'inbound', tenantId, items: wire }) as Promise<InboundOutcome[]>);
  }

  // ---- HTTP

  /** The `onRequest` hook: forwards the request when another node must handle it; otherwise lets it through. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.headers[FORWARDED_HEADER] === this.injectedMark) return undefined;
    const url = request.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/auth/')) return undefined;
    if (SAFE_METHODS.has(request.method) && !HOLDER_READS.test(url)) return undefined;
    const tenantId = await this.tenantOf(request);
    if (!tenantId || this.keeper.serves(tenantId)) return undefined;
    const holder = await this.holderOf(tenantId);
    this.forwarded.add(request);
    const body = await readBody(request.raw);
    const headers: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(request.headers)) if (value !== undefined && !HOP_HEADERS.has(key) && !RESOLVED_HEADERS.has(key)) headers[key] = value;
    const answer = (await this.call(holder, { kind: 'http', method: request.method, url, headers, body: body.toString('base64'), remoteAddress: request.ip })) as HttpReply;
    reply.status(answer.status);
    for (const [key, value] of Object.entries(answer.headers)) if (!HOP_HEADERS.has(key)) void reply.header(key, value);
    // Returning the reply tells Fastify the request is answered: no local handler runs.
    return reply.send(Buffer.from(answer.body, 'base64'));
  };

  private async tenantOf(request: FastifyRequest): Promise<string | undefined> {
    const widget = /^\/api\/widget\/v1\/(lines|conversations)\/([^/?]+)/.exec(request.url);
    if (widget) {
      const [, kind, raw] = widget;
      const id = safeDecode(raw!);
      // A malformed id is left to the local route, which answers it with its own 4xx.
      if (!id) return undefined;
      if (kind === 'lines') return this.deps.directory.findLine(id)?.tenantId;
      return this.tenantOfConversation(id);
    }
    // Phone calls (Twilio webhooks): the IVR position and the call's conversation live on the holder.
    const phone = /^\/api\/voice\/twilio\/([^/?]+)\//.exec(request.url);
    if (phone) {
      const lineId = safeDecode(phone[1]!);
      return lineId ? this.deps.directory.findLine(lineId)?.tenantId : undefined;
    }
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!token) return undefined;
    const session = await this.auth.authenticate(token, (tenantId, id) => this.deps.directory.findAgent(tenantId, id));
    return session?.agent.tenantId;
  }

  private async tenantOfConversation(id: string): Promise<string | undefined> {
    const known = this.conversationTenants.get(id);
    if (known) return known;
    const conversation = await this.deps.repos.conversations.getAnyTenant(id);
    if (!conversation) return undefined;
    // A conversation never changes tenant; the map only saves a read per request.
    if (this.conversationTenants.size > 100_000) this.conversationTenants.clear();
    this.conversationTenants.set(id, conversation.tenantId);
    return conversation.tenantId;
  }

  // ---- lease holders and calls

  private async holderOf(tenantId: string): Promise<string> {
    const byTenant = this.holders && Date.now() - this.holders.at < HOLDER_CACHE_MS ? this.holders.byTenant : await this.loadHolders();
    const holder = byTenant.get(tenantId);
    if (!holder) throw errors.tenantMoving(tenantId, 'no node runs its routing yet');
    if (holder === this.keeper.nodeId) throw errors.tenantMoving(tenantId, 'this node is taking over its routing');
    return holder;
  }

  private loadHolders(): Promise<Map<string, string>> {
    this.holdersLoading ??= this.deps.repos.leases
      .holders()
      .then((rows) => {
        const byTenant = new Map(rows.filter((r) => !r.expired).map((r) => [r.tenantId, r.holder]));
        this.holders = { at: Date.now(), byTenant };
        return byTenant;
      })
      .finally(() => (this.holdersLoading = undefined));
    return this.holdersLoading;
  }

  private async call(holder: string, body: RpcBody): Promise<unknown> {
    try {
      return await this.rpc.call(holder, body, FORWARD_TIMEOUT_MS);
    } catch (error) {
      // The holder may have died or handed over: look again next time.
      if ((error as { code?: string }).code === 'TENANT_MOVING') this.holders = undefined;
      throw error;
    }
  }

  private async onRequest(body: RpcBody): Promise<unknown> {
    if (body.kind === 'frame') {
      if (!this.keeper.serves(body.tenantId)) throw errors.tenantMoving(body.tenantId, 'this node no longer runs its routing');
      return executeWriteFrame(this.deps, body.who, body.frame);
    }
    if (body.kind === 'inbound') {
      if (!this.keeper.serves(body.tenantId)) throw errors.tenantMoving(body.tenantId, 'this node no longer runs its routing');
      const items = body.items.map((item) => (item.kind === 'status' ? item : { ...item, attachments: item.attachments.map((a) => ({ ...a, content: Buffer.from(a.content, 'base64') })) }));
      return receiveItemsHere(this.deps, items);
    }
    if (!this.server) throw errors.tenantMoving('?', 'this node is starting');
    const response = await this.server.inject({
      method: body.method as 'GET',
      url: body.url,
      headers: { ...body.headers, [FORWARDED_HEADER]: this.injectedMark },
      payload: Buffer.from(body.body, 'base64'),
      remoteAddress: body.remoteAddress,
    });
    const headers: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.map(String) : String(value);
    }
    return { status: response.statusCode, headers, body: response.rawPayload.toString('base64') } satisfies HttpReply;
  }
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function readBody(raw: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    raw.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // The same limit as the server's bodyLimit; the holder refuses anything larger anyway.
      if (size > 256 * 1024) {
        reject(new AppError('FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large', { status: 413 }));
        raw.destroy();
        return;
      }
      chunks.push(chunk);
    });
    raw.on('end', () => resolve(Buffer.concat(chunks)));
    raw.on('error', reject);
  });
}
