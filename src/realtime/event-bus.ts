/**
 * Fan-out between the application and the sockets. In-process by default; `RedisEventBus`
 * implements the same contract so several nodes share topics (REDIS_URL).
 * Topics: `conversation:<id>`, `agent:<id>`, `tenant:<id>:supervisors`, `tenant:<id>:wallboard`, `tenant:<id>:campaigns`, `call:<id>:customer`, `cluster:config`.
 */
export type BusHandler = (message: BusMessage) => void;

export type BusMessage =
  | { kind: 'event'; tenantId: string; event: import('../core/model/index.js').ConversationEvent; anonymous: boolean }
  | { kind: 'frame'; frame: import('./protocol.js').ServerFrame }
  | { kind: 'subscribe'; conversationId: string }
  | { kind: 'unsubscribe'; conversationId: string }
  /** Several nodes: the bus was cut off (Redis restarted); messages may be missing, read them from the database. */
  | { kind: 'resync' }
  /** Several nodes: an admin changed a tenant's configuration on one node; the others reload it. */
  | { kind: 'directory.changed'; tenantId: string }
  /** Several nodes: a knowledge article was saved on one node; the others update their index. */
  | { kind: 'knowledge.saved'; tenantId: string; articleId: string };

export interface EventBus {
  publish(topic: string, message: BusMessage): void;
  /** Returns the function that unsubscribes. */
  subscribe(topic: string, handler: BusHandler): () => void;
  close(): Promise<void>;
}

export const topics = {
  conversation: (id: string) => `conversation:${id}`,
  agent: (id: string) => `agent:${id}`,
  supervisors: (tenantId: string) => `tenant:${tenantId}:supervisors`,
  /** The customer's sockets of one conversation only: call signalling from the agent. */
  callCustomer: (conversationId: string) => `call:${conversationId}:customer`,
  /** Campaign managers (supervisors, admins; `CAMPAIGN_MANAGER_ROLES`): `campaign.progress` frames. */
  campaigns: (tenantId: string) => `tenant:${tenantId}:campaigns`,
  /** Wallboard viewers (supervisors, admins, executives): today's survey figures. */
  wallboard: (tenantId: string) => `tenant:${tenantId}:wallboard`,
  /** Configuration changes every node must apply (directory, knowledge). */
  cluster: 'cluster:config',
};

export class MemoryEventBus implements EventBus {
  private readonly handlers = new Map<string, Set<BusHandler>>();

  publish(topic: string, message: BusMessage): void {
    const set = this.handlers.get(topic);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        handler(message);
      } catch {
        // One failing subscriber (a socket that just closed) must not stop the others.
      }
    }
  }

  subscribe(topic: string, handler: BusHandler): () => void {
    let set = this.handlers.get(topic);
    if (!set) {
      set = new Set();
      this.handlers.set(topic, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(topic);
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
