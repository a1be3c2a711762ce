import type { ServiceDeps } from '../deps.js';
import { audit, type AuditContext } from '../security/audit.js';
import { findContact, type ContactSelector } from './find-contact.js';

/**
 * The right of access: everything stored about one contact, as JSON (with its calls, complaint
 * follow-ups, unanswered bot questions, gestures and campaign list rows). Internal notes are part of
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
  // Rows of the voice, content and quality features about the same conversations (or the caller's number).
  const linkedCalls = ids.length ? await db.selectFrom('voice_calls').selectAll().where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).execute() : [];
  const numberCalls = contact.identifierKind === 'phone' && contact.identifier ? await db.selectFrom('voice_calls').selectAll().where('tenant_id', '=', tenantId).where('caller_number', '=', contact.identifier).execute() : [];
  const campaignRows = contact.identifierKind === 'phone' && contact.identifier ? await db.selectFrom('campaign_contacts').selectAll().where('tenant_id', '=', tenantId).where('phone', '=', contact.identifier).execute() : [];
  const calls = [...new Map([...linkedCalls, ...numberCalls].map((c) => [c.call_sid, c])).values()];
  const followUps = ids.length ? await db.selectFrom('complaint_followups').selectAll().where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).execute() : [];
  const unanswered = ids.length ? await db.selectFrom('bot_unanswered').selectAll().where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).execute() : [];
  const gestures = ids.length ? await db.selectFrom('gestures').selectAll().where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).execute() : [];
  // Files in the conversations: the customer's mail attachments and what agents sent them.
  const attachments = ids.length ? await db.selectFrom('channel_attachments').selectAll().where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).orderBy('created_at').execute() : [];
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
    calls: calls.map((c) => ({ conversationId: c.conversation_id, lineId: c.line_id, direction: c.direction, callerNumber: c.caller_number, status: c.status, at: iso(c.created_at) })),
    complaintFollowUps: followUps.map((f) => ({ conversationId: f.conversation_id, source: f.source, nps: f.nps, comment: f.comment, status: f.status, notes: f.notes, outcome: f.outcome, at: iso(f.created_at) })),
    unansweredBotQuestions: unanswered.map((q) => ({ conversationId: q.conversation_id, language: q.language, text: q.text, at: iso(q.created_at) })),
    campaignLists: campaignRows.map((c) => ({ campaignId: c.campaign_id, phone: c.phone, name: c.name, reference: c.reference, status: c.status, attempts: c.attempts, lastResult: c.last_result })),
    attachments: attachments.map((a) => ({ id: a.id, conversationId: a.conversation_id, filename: a.filename, contentType: a.content_type, size: a.size, contentBase64: a.content_base64, at: iso(a.created_at) })),
    gestures: gestures.map((g) => ({ conversationId: g.conversation_id, amountCents: g.amount_cents, reason: g.reason, status: g.status, at: iso(g.created_at) })),
  };
  await audit(deps, ctx, 'contact.exported', { kind: 'contact', id: contact.id }, { conversations: conversations.length, events: events.length });
  return result;
}
