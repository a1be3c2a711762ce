import type { Contact, Conversation } from '../../core/model/index.js';
import type { ContactHistory } from '../../core/policy/index.js';
import type { ServiceDeps } from '../deps.js';

const WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
const PRANK_WRAP_UPS = new Set(['test', 'prank']);

/**
 * The counts the policy needs about a contact key on this line: recent conversations, prank
 * wrap-ups, their average length and earlier blocks. Never content, never identity.
 * Resolution is not registered yet, so `unresolvedContacts` stays 0 (no Special Care routing).
 */
export async function loadContactHistory(deps: ServiceDeps, conversation: Conversation): Promise<{ history: ContactHistory; contact: Contact } | null> {
  const { tenantId, contactId, lineId } = conversation;
  const contact = await deps.repos.contacts.get(tenantId, contactId);
  if (!contact) return null;
  const since = deps.clock.now() - WINDOW_DAYS * DAY_MS;
  const [earlier, previousBlocks, incidents] = await Promise.all([
    deps.repos.conversations.listByContactOnLine(tenantId, contactId, lineId, 100),
    deps.repos.blocks.countByKey(tenantId, contact.key),
    deps.repos.incidents.list(tenantId, { from: since, limit: 1000 }),
  ]);
  const recent = earlier.filter((c) => c.id !== conversation.id && c.createdAt >= since);
  const closed = recent.filter((c) => c.closedAt !== null);
  const averageDurationSeconds = closed.length === 0 ? Number.POSITIVE_INFINITY : closed.reduce((sum, c) => sum + (c.closedAt! - c.createdAt), 0) / closed.length / 1000;
  return {
    contact,
    history: {
      contactKey: contact.key,
      windowDays: WINDOW_DAYS,
      conversations: recent.length,
      prankWrapUps: recent.filter((c) => c.registration.wrapUpCode !== null && PRANK_WRAP_UPS.has(c.registration.wrapUpCode)).length,
      incidents: incidents.filter((i) => i.contactId === contactId).length,
      averageDurationSeconds: Math.round(averageDurationSeconds),
      unresolvedContacts: 0,
      previousBlocks,
    },
  };
}
