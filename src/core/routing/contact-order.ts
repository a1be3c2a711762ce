import type { ContactRecord } from './routing.records.js';

/**
 * Routing order. The score of the brief, `priority × agingSeconds + waitedSeconds`
 * (highest first), equals `now/1000 − routingKey/1000`: `now` is common to all contacts, so
 * ordering by the lowest key is the same order at every moment and never needs re-sorting.
 * The queue's priority is added to the contact's, so a VIP queue wins across queues.
 */
export function routingKey(contact: ContactRecord, queuePriority: number, agingMsPerLevel: number): number {
  return contact.enqueuedAt - (queuePriority + contact.priority) * agingMsPerLevel;
}

export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Order inside one bucket, where every contact has the same priority: oldest first. */
export function compareByPlace(a: ContactRecord, b: ContactRecord): number {
  return a.enqueuedAt - b.enqueuedAt || compareIds(a.conversationId, b.conversationId);
}

/** Order across buckets: lowest key, then earliest `enqueuedAt`, then conversation id. */
export function compareRanked(aKey: number, a: ContactRecord, bKey: number, b: ContactRecord): number {
  return aKey - bKey || compareByPlace(a, b);
}
