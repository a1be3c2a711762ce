export type ActorKind = 'customer' | 'agent' | 'bot' | 'system';
export type Visibility = 'public' | 'internal';

export interface Actor {
  kind: ActorKind;
  id?: string;
  name?: string;
}

/** One entry of a conversation's ordered log. `seq` starts at 1 per conversation. */
export interface ConversationEvent {
  tenantId: string;
  conversationId: string;
  seq: number;
  type: string;
  visibility: Visibility;
  actor: Actor;
  data: Record<string, unknown>;
  at: number;
  /** The sender's idempotency key, so a retried send is stored once. */
  clientId: string | null;
}
