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
    const a = new SessionStore(storage, memoryStorage(), 'ln_a');
    a.saveConversation({ conversationId: 'cv_1', token: 't', lastSeq: 4, language: 'nl', pending: [] });
    expect(new SessionStore(storage, memoryStorage(), 'ln_b').loadConversation()).toBeUndefined();
    expect(a.loadConversation()?.lastSeq).toBe(4);
    a.clearConversation();
    expect(a.loadConversation()).toBeUndefined();
  });

  it('keeps an anonymous line conversation in the tab storage only', () => {
    const durable = memoryStorage();
    const tab = memoryStorage();
    const store = new SessionStore(durable, tab, 'ln_kinderlijn');
    store.saveConversation({ conversationId: 'cv_2', token: 't', lastSeq: 0, language: 'nl', pending: [], tabOnly: true });
    expect(durable.getItem('centraal:v1:conversation:ln_kinderlijn')).toBeNull();
    expect(store.loadConversation()?.conversationId).toBe('cv_2');
  });

  it('ignores a stored value of the wrong shape', () => {
    const storage = memoryStorage();
    storage.setItem('centraal:v1:conversation:ln_a', '{"conversationId":5}');
    expect(new SessionStore(storage, memoryStorage(), 'ln_a').loadConversation()).toBeUndefined();
  });
});

describe('randomId', () => {
  it('returns distinct hex ids of twice the byte length', () => {
    expect(randomId(8)).toHaveLength(16);
    expect(randomId()).not.toBe(randomId());
  });
});
