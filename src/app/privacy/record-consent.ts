import type { Agent } from '../../core/model/index.js';
import type { ConsentKind, ConsentRecord } from '../../storage/index.js';
import { assertOpen, isSupervising } from '../conversation/access.js';
import type { ServiceDeps } from '../deps.js';
import { errors } from '../app.errors.js';
import { newId } from '../ids.js';
import { privacyErrors } from './privacy.errors.js';

/**
 * Notes a customer's consent (or refusal) to a referral or a recording: a row in
 * `consent_records` (who, when, what) and an internal `consent.recorded` event in the log.
 */
export async function recordConsent(deps: ServiceDeps, agent: Agent, conversationId: string, input: { kind: ConsentKind; granted: boolean; note?: string }): Promise<ConsentRecord> {
  return deps.live.withConversation(conversationId, async (entry) => {
    const c = entry.conversation;
    if (c.tenantId !== agent.tenantId) throw errors.notFound('conversation', conversationId);
    if (c.assignedAgentId !== agent.id && !isSupervising(agent)) throw privacyErrors.consentNotAllowed();
    assertOpen(c);
    const record: ConsentRecord = {
      id: newId('cs'),
      tenantId: c.tenantId,
      conversationId: c.id,
      contactId: c.contactId,
      kind: input.kind,
      granted: input.granted,
      recordedBy: agent.id,
      note: input.note ?? null,
      at: deps.clock.now(),
    };
    await deps.repos.consents.insert(record);
    await deps.recorder.record(entry, [{ type: 'consent.recorded', actor: { kind: 'agent', id: agent.id, name: agent.name }, data: { consentId: record.id, kind: record.kind, granted: record.granted } }], false);
    return record;
  });
}
