import type { ContactRecord } from './routing.records.js';
import { nextSequence, requireQueue, type DecisionBatch, type RoutingState } from './routing-state.js';

/*
 * Moving contacts into, out of and between waiting lists, including overflow. Overflow
 * counts from the moment a contact entered its current queue, so each queue's
 * `afterSeconds` means "this long here", also at the end of a chain.
 */

/** Puts the contact in `queueId` as a newly arrived waiter (enqueue, overflow, requeue). */
export function enterQueue(
  state: RoutingState,
  batch: DecisionBatch,
  contact: ContactRecord,
  queueId: string,
  enteredAt: number,
): void {
  contact.queueId = queueId;
  contact.queueEnteredAt = enteredAt;
  contact.queueVisit = nextSequence(state);
  contact.phase = 'waiting';
  requireQueue(state, queueId).waiting.add(contact);
  batch.waitingContacts.push(contact);
  scheduleOverflow(state, contact);
}

/** Back to its own place after an offer ended; moves on at once if its overflow is due. */
export function returnToPlace(state: RoutingState, batch: DecisionBatch, contact: ContactRecord): void {
  contact.phase = 'waiting';
  requireQueue(state, contact.queueId).waiting.add(contact);
  batch.waitingContacts.push(contact);
  if (overflowDueAt(state, contact) <= batch.now) moveByOverflow(state, batch, contact);
}

export function leaveWaiting(state: RoutingState, contact: ContactRecord): void {
  state.queues.get(contact.queueId)?.waiting.remove(contact);
}

export function scheduleOverflow(state: RoutingState, contact: ContactRecord): void {
  const dueAt = overflowDueAt(state, contact);
  if (dueAt !== Number.POSITIVE_INFINITY) {
    state.overflowChecks.schedule(dueAt, { conversationId: contact.conversationId, queueVisit: contact.queueVisit });
  }
}

/** Moves waiting contacts whose time in their queue ran out; returns nothing, fills `batch`. */
export function runDueOverflows(state: RoutingState, batch: DecisionBatch): void {
  for (let timer = state.overflowChecks.takeDue(batch.now); timer !== undefined; timer = state.overflowChecks.takeDue(batch.now)) {
    const contact = state.contacts.get(timer.conversationId);
    if (contact === undefined || contact.queueVisit !== timer.queueVisit) continue;
    // Offered contacts are checked again by returnToPlace if their offer fails.
    if (contact.phase !== 'waiting') continue;
    const dueAt = overflowDueAt(state, contact);
    if (dueAt <= batch.now) moveByOverflow(state, batch, contact);
    // The queue's settings changed since scheduling: check again at the new moment.
    else if (dueAt !== Number.POSITIVE_INFINITY) scheduleOverflow(state, contact);
  }
}

function overflowDueAt(state: RoutingState, contact: ContactRecord): number {
  const overflow = state.queues.get(contact.queueId)?.config.overflow;
  if (overflow == null || contact.overflowedFrom?.has(contact.queueId) === true) return Number.POSITIVE_INFINITY;
  return contact.queueEnteredAt + overflow.afterMs;
}

function moveByOverflow(state: RoutingState, batch: DecisionBatch, contact: ContactRecord): void {
  const fromQueueId = contact.queueId;
  const toQueueId = requireQueue(state, fromQueueId).config.overflow?.toQueueId;
  if (toQueueId === undefined || !state.queues.has(toQueueId)) return;
  leaveWaiting(state, contact);
  // Remembering every queue left keeps a cycle of overflow rules from looping forever.
  contact.overflowedFrom ??= new Set();
  contact.overflowedFrom.add(fromQueueId);
  enterQueue(state, batch, contact, toQueueId, batch.now);
  batch.overflows.push({ conversationId: contact.conversationId, fromQueueId, toQueueId, at: batch.now });
}
