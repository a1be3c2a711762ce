import WebSocket from 'ws';

/**
 * Clients for the several-nodes test: they behave like the widget and the desktop do when a
 * node disappears: reconnect to another node, resume by sequence number, and send again
 * whatever was not acknowledged (same clientId, so nothing is stored twice).
 */
export type Frame = Record<string, unknown> & { t: string };

export interface NodeDirectory {
  /** A live node's base URL, starting from the preferred index and skipping dead nodes. */
  pick(preferred: number): string;
}

const RETRY_MS = 250;

abstract class ResilientSocket {
  ws: WebSocket | undefined;
  url = '';
  stopped = false;
  /** Every node this client had an open socket on, in order. */
  readonly nodesUsed: string[] = [];
  readonly unacked = new Map<string, Frame>();
  readonly errors: Frame[] = [];

  constructor(
    protected readonly nodes: NodeDirectory,
    protected nodeIndex: number,
  ) {}

  protected abstract socketUrl(base: string): string;
  protected abstract headers(): Record<string, string>;
  protected abstract onFrame(frame: Frame): void;
  protected onOpen(): void {}

  connect(): Promise<void> {
    const base = this.nodes.pick(this.nodeIndex);
    return new Promise((resolve) => {
      const ws = new WebSocket(this.socketUrl(base), { headers: this.headers() });
      this.ws = ws;
      ws.on('open', () => {
        this.url = base;
        this.nodesUsed.push(base);
        this.onOpen();
        for (const frame of this.unacked.values()) this.write(frame);
        resolve();
      });
      ws.on('message', (data) => this.handle(JSON.parse(data.toString()) as Frame));
      ws.on('error', () => undefined);
      ws.on('close', () => {
        resolve();
        if (this.stopped || this.ws !== ws) return;
        // The node went away: the next live one, after a short pause.
        this.nodeIndex++;
        setTimeout(() => void this.connect(), RETRY_MS);
      });
    });
  }

  private handle(frame: Frame): void {
    if (frame.t === 'ack' && typeof frame.clientId === 'string') this.acked(frame);
    else if (frame.t === 'error') {
      this.errors.push(frame);
      const pending = typeof frame.clientId === 'string' ? this.unacked.get(frame.clientId) : undefined;
      if (pending && frame.retryable) setTimeout(() => this.write(pending), RETRY_MS);
      else if (pending) this.refused(pending, frame);
    } else this.onFrame(frame);
  }

  protected acked(frame: Frame): void {
    this.unacked.delete(frame.clientId as string);
  }

  protected refused(pending: Frame, _error: Frame): void {
    this.unacked.delete(pending.clientId as string);
  }

  /** Sends until acknowledged: again after a reconnect or a retryable error. */
  request(frame: Frame & { clientId: string }): void {
    this.unacked.set(frame.clientId, frame);
    this.write(frame);
  }

  write(frame: Frame): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  stop(): void {
    this.stopped = true;
    this.ws?.terminate();
  }
}

export class ClusterCustomer extends ResilientSocket {
  conversationId = '';
  token = '';
  /** seq → event type, as received (all of them, to find repeats). */
  readonly received: Array<{ seq: number; type: string }> = [];
  readonly ackedMessages = new Map<number, string>();
  private lastSeq = 0;
  private sent = 0;

  /** Starts the conversation on a node, moving on to the next on a retryable refusal or a dead node. */
  async start(lineId: string, visitorId: string): Promise<void> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const base = this.nodes.pick(this.nodeIndex);
      const response = await fetch(`${base}/api/widget/v1/lines/${lineId}/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ language: 'nl', visitorId }),
      }).catch(() => undefined);
      if (response?.status === 201) {
        const body = (await response.json()) as { conversationId: string; token: string };
        this.conversationId = body.conversationId;
        this.token = body.token;
        return;
      }
      const text = await response?.text();
      if (response && !text?.includes('"retryable":true')) throw new Error(`start refused: ${response.status} ${text}`);
      this.nodeIndex++;
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
    throw new Error('no node started the conversation');
  }

  protected socketUrl(base: string): string {
    return `${base.replace('http', 'ws')}/ws?token=${encodeURIComponent(this.token)}&afterSeq=${this.lastSeq}`;
  }

  protected headers(): Record<string, string> {
    return {};
  }

  protected onFrame(frame: Frame): void {
    if (frame.t !== 'event') return;
    const e = frame.e as { seq: number; type: string };
    this.received.push({ seq: e.seq, type: e.type });
    this.lastSeq = Math.max(this.lastSeq, e.seq);
  }

  protected override acked(frame: Frame): void {
    const pending = this.unacked.get(frame.clientId as string);
    if (pending) this.ackedMessages.set(frame.seq as number, pending.text as string);
    super.acked(frame);
  }

  say(): void {
    const n = ++this.sent;
    this.request({ t: 'message.send', conversationId: this.conversationId, clientId: `${this.conversationId}-m${n}`, text: `customer ${this.conversationId} message ${n}` });
  }
}

export class ClusterAgent extends ResilientSocket {
  cookie = '';
  agentId = '';
  /** Conversations whose offer.accept this agent had acknowledged. */
  readonly accepted = new Set<string>();
  readonly ackedMessages = new Map<string, Map<number, string>>();
  readonly customerMessagesSeen = new Map<string, number>();
  private readonly lastSeqOf = new Map<string, number>();
  private sent = 0;

  async login(email: string, password: string): Promise<void> {
    const base = this.nodes.pick(this.nodeIndex);
    const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const body = (await response.json()) as { agent: { id: string } };
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
    this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    this.agentId = body.agent.id;
  }

  protected socketUrl(base: string): string {
    return `${base.replace('http', 'ws')}/ws`;
  }

  protected headers(): Record<string, string> {
    return { cookie: this.cookie };
  }

  protected override onOpen(): void {
    this.request({ t: 'status.set', clientId: `status-${this.nodesUsed.length}`, status: 'available' });
    // Rejoining: say where each conversation left off, so only the missed events come.
    for (const [conversationId, seq] of this.lastSeqOf) this.write({ t: 'resume', conversationId, afterSeq: seq });
  }

  protected onFrame(frame: Frame): void {
    if (frame.t === 'offer') {
      const conversationId = frame.conversationId as string;
      if (!this.accepted.has(conversationId)) this.request({ t: 'offer.accept', conversationId, clientId: `accept-${conversationId}` });
    } else if (frame.t === 'event') {
      const e = frame.e as { conversationId: string; seq: number; type: string; actor: { kind: string } };
      this.lastSeqOf.set(e.conversationId, Math.max(this.lastSeqOf.get(e.conversationId) ?? 0, e.seq));
      if (e.type === 'message.created' && e.actor.kind === 'customer') {
        const seen = (this.customerMessagesSeen.get(e.conversationId) ?? 0) + 1;
        this.customerMessagesSeen.set(e.conversationId, seen);
        // Answer every third message: both directions carry acknowledged messages.
        if (seen % 3 === 0) this.reply(e.conversationId);
      }
    }
  }

  private reply(conversationId: string): void {
    const n = ++this.sent;
    this.request({ t: 'message.send', conversationId, clientId: `${this.agentId}-r${n}`, text: `agent ${this.agentId} reply ${n}` });
  }

  protected override acked(frame: Frame): void {
    const pending = this.unacked.get(frame.clientId as string);
    if (pending?.t === 'offer.accept') {
      this.accepted.add(pending.conversationId as string);
      this.lastSeqOf.set(pending.conversationId as string, this.lastSeqOf.get(pending.conversationId as string) ?? 0);
    }
    if (pending?.t === 'message.send') {
      const byConversation = this.ackedMessages.get(pending.conversationId as string) ?? new Map<number, string>();
      byConversation.set(frame.seq as number, pending.text as string);
      this.ackedMessages.set(pending.conversationId as string, byConversation);
    }
    super.acked(frame);
  }
}
