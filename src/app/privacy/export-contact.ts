import type { ServiceDeps } from '../deps.js';
import { audit, type AuditContext } from '../security/audit.js';
import { findContact, type ContactSelector } from './find-contact.js';

/**
 * The right of access: everything stored about one contact, as JSON. Internal notes are part of
 * it (they are data about the person); agent ids are not (they are data about colleagues).
 */
export async function exportContact(deps: ServiceDeps, ctx: AuditContext, selector: ContactSelector) {
  const tenantId = ctx.actor.tenantId;
  const contact = await findContact(deps, tenantId, selector);
  const db = deps.db.kysely;
  const conversations = await db.selectFrom('conversations').selectAll().where('tenant_id', '=', tenantId).where('contact_id', '=', contact.id).orderBy('created_at').execute();
  const ids = conversations.map((c) => c.id);
  const events = ids.length ? await db.selectFrom('events').selectAll().where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).orderBy('conversation_id').orderBy('seq').execute() : [];
  const surveys = ids.length ? await db.selectFrom('survey_responses').selectAll().where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).execute() : [];
  const blocks = await db.selectFrom('contact_blocks').selectAll().where('tenant_id', '=', tenantId).where('contact_key', '=', contact.key).execute();
  const consents = await deps.repos.consents.listByContact(tenantId, contact.id);
  const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
  const result = {
    exportedAt: iso(deps.clock.now()),
    contact: { id: contact.id, pseudonym: contact.pseudonym, identifierKind: contact.identifierKind, identifier: contact.identifier, displayName: contact.displayName },
    conversations: conversations.map((c) => ({
      id: c.id,
      lineId: c.line_id,
      channel: c.channel,
      language: c.language,
      state: c.state,
      createdAt: iso(c.created_at),
      closedAt: iso(c.closed_at),
      context: JSON.parse(c.context) as unknown,
      registration: JSON.parse(c.registration) as unknown,
      events: events
        .filter((e) => e.conversation_id === c.id)
        .map((e) => ({ seq: e.seq, type: e.type, at: iso(e.created_at), from: e.actor_kind, data: JSON.parse(e.data) as unknown })),
    })),
    surveys: surveys.map((s) => ({ conversationId: s.conversation_id, nps: s.nps, helpfulness: s.helpfulness, comment: s.comment, at: iso(s.created_at) })),
    consents: consents.map((c) => ({ conversationId: c.conversationId, kind: c.kind, granted: c.granted, at: iso(c.at) })),
    blocks: blocks.map((b) => ({ lineId: b.line_id, reason: b.reason, since: iso(b.created_at), until: iso(b.expires_at) })),
  };
  await audit(deps, ctx, 'contact.exported', { kind: 'contact', id: contact.id }, { conversations: conversations.length, events: events.length });
  return result;
}
