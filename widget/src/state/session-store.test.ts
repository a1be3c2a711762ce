import { describe, expect, it } from 'vitest';
import { randomId } from './random-id.js';
import { memoryStorage, SessionStore } from './session-store.js';

describe('SessionStore', () => {
  it('keeps one visitor id of at least 16 characters across instances', () => {
    const durable = memoryStorage();
    const first = new SessionStore(durable, memoryStorage(), 'ln_a').visitorId();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(new SessionStore(durable, memoryStorage(), 'ln_b').visitorId()).toBe(first);
  });

  it('stores the conversation per line and forgets it on clear', () => {
    const storage = memoryStorage();
    const a = new SessionStore(memoryStorage(), storage, 'ln_a');
    a.saveConversation({ conversationId: 'cv_1', token: 't', lastSeq: 4, language: 'nl', pending: [] });
    expect(new SessionStore(memoryStorage(), storage, 'ln_b').loadConversation()).toBeUndefined();
    expect(a.loadConversation()?.lastSeq).toBe(4);
    a.clearConversation();
    expect(a.loadConversation()).toBeUndefined();
  });

  it('ignores a stored value of the wrong shape', () => {
    const storage = memoryStorage();
    storage.setItem('centraal:v1:conversation:ln_a', '{"conversationId":5}');
    expect(new SessionStore(memoryStorage(), storage, 'ln_a').loadConversation()).toBeUndefined();
  });
});

describe('randomId', () => {
  it('returns distinct hex ids of twice the byte length', () => {
    expect(randomId(8)).toHaveLength(16);
    expect(randomId()).not.toBe(randomId());
  });
});
