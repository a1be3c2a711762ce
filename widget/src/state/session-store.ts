import type { PendingMessage } from './timeline.js';
import { randomId } from './random-id.js';

/** What a page reload needs to resume: which conversation, its token, and how far we had read. */
export interface StoredConversation {
  conversationId: string;
  token: string;
  lastSeq: number;
  language: string;
  pending: PendingMessage[];
  /** Anonymous lines: keep it in sessionStorage only, so a shared device forgets it with the tab. */
  tabOnly?: boolean;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'centraal:v1:';

/**
 * Browser persistence. The visitor id lives in localStorage; the open conversation too, except
 * on anonymous lines, where it lives in sessionStorage so a shared device forgets it when the
 * tab closes. The transcript itself is never stored in the browser: it is replayed from the server.
 */
export class SessionStore {
  constructor(
    private readonly durable: KeyValue,
    private readonly tab: KeyValue,
    private readonly lineId: string,
  ) {}

  visitorId(): string {
    const existing = read(this.durable, `${PREFIX}visitor`);
    if (typeof existing === 'string' && existing.length >= 16) return existing;
    const fresh = randomId(16);
    write(this.durable, `${PREFIX}visitor`, fresh);
    return fresh;
  }

  loadConversation(): StoredConversation | undefined {
    for (const storage of [this.tab, this.durable]) {
      const value = read(storage, this.conversationKey());
      if (isStoredConversation(value)) return value;
    }
    return undefined;
  }

  saveConversation(conversation: StoredConversation): void {
    write(conversation.tabOnly ? this.tab : this.durable, this.conversationKey(), conversation);
  }

  clearConversation(): void {
    for (const storage of [this.tab, this.durable]) {
      try {
        storage.removeItem(this.conversationKey());
      } catch {
        // Storage may be blocked (privacy mode); nothing to clear then.
      }
    }
  }

  /** Whether the panel was open, per tab, so moving to another page of the site keeps the chat in view. */
  panelWasOpen(): boolean {
    return read(this.tab, `${PREFIX}open:${this.lineId}`) === true;
  }

  rememberPanel(open: boolean): void {
    write(this.tab, `${PREFIX}open:${this.lineId}`, open);
  }

  private conversationKey(): string {
    return `${PREFIX}conversation:${this.lineId}`;
  }
}

function read(storage: KeyValue, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}

function write(storage: KeyValue, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Blocked or full storage: the chat still works, it just will not survive a reload.
  }
}

function isStoredConversation(value: unknown): value is StoredConversation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.conversationId === 'string' && typeof v.token === 'string' && typeof v.lastSeq === 'number' && typeof v.language === 'string' && Array.isArray(v.pending);
}

/** An in-memory stand-in when the browser refuses storage access altogether. */
export function memoryStorage(): KeyValue {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

/** `window.localStorage` can throw on access (blocked third-party storage); fall back to memory. */
export function safeStorage(pick: () => Storage): KeyValue {
  try {
    const storage = pick();
    storage.getItem(`${PREFIX}probe`);
    return storage;
  } catch {
    return memoryStorage();
  }
}
