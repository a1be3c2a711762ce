import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.js';
import { readJson, writeJson } from '../repositories/json-column.js';
import { REDACTED, redactData } from './redact.js';

/** Rows removed or rewritten, per table: what an erasure or a retention run reports and audits. */
export type PrivacyCounts = Record<string, number>;

/** Tables whose rows are handled by name; any other table with a conversation or contact column is swept generically. */
const HANDLED = new Set(['conversations', 'events', 'survey_responses', 'compliments', 'incidents', 'contact_blocks', 'consent_records', 'contacts', 'audit_log', 'gestures', 'kysely_migration', 'kysely_migration_lock']);
const CHUNK = 500;

function add(counts: PrivacyCounts, table: string, n: bigint | number | undefined): void {
  const value = Number(n ?? 0);
  if (value > 0) counts[table] = (counts[table] ?? 0) + value;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Deletes conversations and everything that hangs off them: events, survey answers, consent
 * records, rows of tables added later that carry a `conversation_id`; compliments lose their text
 * and link, incidents keep their count but lose their evidence text. Run it in a transaction.
 */
export async function purgeConversations(trx: Transaction<Database>, tenantId: string, conversationIds: readonly string[], counts: PrivacyCounts): Promise<void> {
  if (conversationIds.length === 0) return;
  const extra = await sweepableTables(trx, 'conversation_id');
  for (const ids of chunks(conversationIds)) {
    add(counts, 'events', (await trx.deleteFrom('events').where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).executeTakeFirst()).numDeletedRows);
    add(counts, 'survey_responses', (await trx.deleteFrom('survey_responses').where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).executeTakeFirst()).numDeletedRows);
    add(counts, 'consent_records', (await trx.deleteFrom('consent_records').where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).executeTakeFirst()).numDeletedRows);
    add(
      counts,
      'compliments',
      (await trx.updateTable('compliments').set({ text: REDACTED, conversation_id: null }).where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).executeTakeFirst()).numUpdatedRows,
    );
    await redactIncidents(trx, tenantId, 'conversation_id', ids, counts);
    // A gesture is spent budget: the row stays for the team's figures, the reason (about the customer) and the link go.
    add(counts, 'gestures', (await trx.updateTable('gestures').set({ reason: REDACTED, conversation_id: null }).where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).executeTakeFirst()).numUpdatedRows);
    // Voice calls, browser call states, unanswered bot questions and complaint follow-ups carry the conversation id: the generic sweep deletes them.
    for (const table of extra) {
      const result = await trx.deleteFrom(table as never).where('conversation_id' as never, 'in', ids as never).executeTakeFirst();
      add(counts, table, result.numDeletedRows);
    }
    add(counts, 'conversations', (await trx.deleteFrom('conversations').where('tenant_id', '=', tenantId).where('id', 'in', ids).executeTakeFirst()).numDeletedRows);
  }
}

/** Incidents stay for the safety figures, but without evidence text, actions' details or the link to the person. */
async function redactIncidents(trx: Transaction<Database>, tenantId: string, column: 'conversation_id' | 'contact_id', ids: readonly string[], counts: PrivacyCounts): Promise<void> {
  const rows = await trx.selectFrom('incidents').select(['id', 'evidence', 'actions']).where('tenant_id', '=', tenantId).where(column, 'in', ids).execute();
  for (const row of rows) {
    const evidence = readJson<{ eventSeqs?: number[]; detector?: { label: string; score: number } }>(row.evidence, {});
    const actions = readJson<Array<{ kind: string; at: number; by: string }>>(row.actions, []);
    await trx
      .updateTable('incidents')
      .set({
        evidence: writeJson({ eventSeqs: [], reason: REDACTED, ...(evidence.detector ? { detector: { label: evidence.detector.label, score: evidence.detector.score, terms: [] } } : {}) }),
        actions: writeJson(actions.map(({ kind, at, by }) => ({ kind, at, by }))),
        conversation_id: null,
        contact_id: null,
      })
      .where('id', '=', row.id)
      .execute();
  }
  add(counts, 'incidents', rows.length);
}

/**
 * Erases one contact: its conversations (as `purgeConversations`), its blocks (by key), its
 * consent records, rows of later tables that carry its `contact_id`, and the contact row with its
 * channel identifiers.
 */
export async function eraseContactRows(trx: Transaction<Database>, tenantId: string, contact: { id: string; key: string }, counts: PrivacyCounts): Promise<void> {
  await forgetCallerNumber(trx, tenantId, contact.id, counts);
  const conversations = await trx.selectFrom('conversations').select('id').where('tenant_id', '=', tenantId).where('contact_id', '=', contact.id).execute();
  await purgeConversations(trx, tenantId, conversations.map((c) => c.id), counts);
  await redactIncidents(trx, tenantId, 'contact_id', [contact.id], counts);
  add(counts, 'contact_blocks', (await trx.deleteFrom('contact_blocks').where('tenant_id', '=', tenantId).where('contact_key', '=', contact.key).executeTakeFirst()).numDeletedRows);
  add(counts, 'consent_records', (await trx.deleteFrom('consent_records').where('tenant_id', '=', tenantId).where('contact_id', '=', contact.id).executeTakeFirst()).numDeletedRows);
  for (const table of await sweepableTables(trx, 'contact_id')) {
    add(counts, table, (await trx.deleteFrom(table as never).where('contact_id' as never, '=', contact.id as never).executeTakeFirst()).numDeletedRows);
  }
  add(counts, 'contacts', (await trx.deleteFrom('contacts').where('tenant_id', '=', tenantId).where('id', '=', contact.id).executeTakeFirst()).numDeletedRows);
}

/**
 * Anonymises closed conversations in place: event texts and customer names replaced, recordings
 * removed, context and notes emptied, survey comments and incident evidence gone, and the
 * conversation marked with `anonymised_at` so a second run skips it; survey compliments keep their row
 * but not the customer's text. Contacts whose every
 * conversation is now anonymised lose their channel identifier and name (the pseudonymous key stays).
 */
export async function anonymiseConversations(trx: Transaction<Database>, tenantId: string, conversationIds: readonly string[], now: number, counts: PrivacyCounts): Promise<void> {
  for (const ids of chunks(conversationIds)) {
    const events = await trx.selectFrom('events').select(['id', 'data', 'actor_kind']).where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).execute();
    for (const event of events) {
      await trx
        .updateTable('events')
        .set({ data: writeJson(redactData(readJson(event.data, {}))), ...(event.actor_kind === 'customer' ? { actor_name: null } : {}) })
        .where('id', '=', event.id)
        .execute();
    }
    add(counts, 'events', events.length);
    const conversations = await trx.selectFrom('conversations').select(['id', 'context', 'registration', 'contact_id']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
    for (const c of conversations) {
      const context = readJson<{ topicChoice?: string; botResolved?: boolean }>(c.context, {});
      const registration = readJson<Record<string, unknown>>(c.registration, {});
      await trx
        .updateTable('conversations')
        .set({
          context: writeJson({ ...(context.topicChoice ? { topicChoice: context.topicChoice } : {}), ...(context.botResolved ? { botResolved: true } : {}) }),
          registration: writeJson({ ...registration, notes: '' }),
          anonymised_at: now,
        })
        .where('id', '=', c.id)
        .execute();
    }
    add(counts, 'conversations', conversations.length);
    add(counts, 'survey_responses', (await trx.updateTable('survey_responses').set({ comment: null }).where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).where('comment', 'is not', null).executeTakeFirst()).numUpdatedRows);
    // A survey compliment is the customer's own words: the row stays for the agent, the text goes.
    add(counts, 'compliments', (await trx.updateTable('compliments').set({ text: REDACTED }).where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).where('source', '=', 'survey').where('text', '!=', REDACTED).executeTakeFirst()).numUpdatedRows);
    add(counts, 'consent_records', (await trx.updateTable('consent_records').set({ note: null }).where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).where('note', 'is not', null).executeTakeFirst()).numUpdatedRows);
    await redactIncidents(trx, tenantId, 'conversation_id', ids, counts);
    // Later features' rows about these conversations: the caller's number, the customer's complaint
    // and what was noted about it, the question the bot could not answer, the reason for a gesture.
    add(counts, 'voice_calls', (await trx.updateTable('voice_calls').set({ caller_number: null }).where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).where('caller_number', 'is not', null).executeTakeFirst()).numUpdatedRows);
    add(
      counts,
      'complaint_followups',
      (await trx.updateTable('complaint_followups').set({ comment: null, notes: '', outcome: null }).where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).executeTakeFirst()).numUpdatedRows,
    );
    add(counts, 'bot_unanswered', (await trx.updateTable('bot_unanswered').set({ text: REDACTED }).where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).where('text', '!=', REDACTED).executeTakeFirst()).numUpdatedRows);
    add(counts, 'gestures', (await trx.updateTable('gestures').set({ reason: REDACTED }).where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).where('reason', '!=', REDACTED).executeTakeFirst()).numUpdatedRows);
    // A browser call's state (what the caller keyed in the IVR) ends with its conversation; one left behind goes here.
    add(counts, 'call_states', (await trx.deleteFrom('call_states').where('tenant_id', '=', tenantId).where('conversation_id', 'in', ids).executeTakeFirst()).numDeletedRows);
    const contactIds = [...new Set(conversations.map((c) => c.contact_id))];
    for (const contactId of contactIds) {
      const remaining = await trx.selectFrom('conversations').select('id').where('contact_id', '=', contactId).where('anonymised_at', 'is', null).limit(1).execute();
      if (remaining.length > 0) continue;
      await forgetCallerNumber(trx, tenantId, contactId, counts);
      const result = await trx.updateTable('contacts').set({ identifier: null, display_name: null }).where('id', '=', contactId).where('identifier', 'is not', null).executeTakeFirst();
      add(counts, 'contacts', result.numUpdatedRows);
    }
  }
}

/** Contacts left without any conversation after a retention delete (their identifiers go too). */
export async function deleteOrphanContacts(trx: Transaction<Database>, tenantId: string, contactIds: readonly string[], counts: PrivacyCounts): Promise<void> {
  for (const contactId of contactIds) {
    const remaining = await trx.selectFrom('conversations').select('id').where('contact_id', '=', contactId).limit(1).execute();
    if (remaining.length > 0) continue;
    await forgetCallerNumber(trx, tenantId, contactId, counts);
    await trx.deleteFrom('consent_records').where('tenant_id', '=', tenantId).where('contact_id', '=', contactId).execute();
    add(counts, 'contacts', (await trx.deleteFrom('contacts').where('tenant_id', '=', tenantId).where('id', '=', contactId).executeTakeFirst()).numDeletedRows);
  }
}

/**
 * A phone contact's number also sits in `voice_calls.caller_number`, on calls that never got (or no
 * longer have) a conversation too, and in outbound campaign lists: it goes with the contact's identifier.
 */
async function forgetCallerNumber(trx: Transaction<Database>, tenantId: string, contactId: string, counts: PrivacyCounts): Promise<void> {
  const contact = await trx.selectFrom('contacts').select(['identifier_kind', 'identifier']).where('tenant_id', '=', tenantId).where('id', '=', contactId).executeTakeFirst();
  if (!contact || contact.identifier_kind !== 'phone' || !contact.identifier) return;
  const result = await trx.updateTable('voice_calls').set({ caller_number: null }).where('tenant_id', '=', tenantId).where('caller_number', '=', contact.identifier).executeTakeFirst();
  add(counts, 'voice_calls', result.numUpdatedRows);
  // Outbound campaign lists hold the same number with a name and reference: the row stays for the
  // campaign's figures, the person does not (notes on the attempts go too).
  const listed = await trx.selectFrom('campaign_contacts').select('id').where('tenant_id', '=', tenantId).where('phone', '=', contact.identifier).execute();
  for (const ids of chunks(listed.map((c) => c.id))) {
    add(counts, 'campaign_contacts', (await trx.updateTable('campaign_contacts').set({ phone: REDACTED, name: null, reference: null }).where('id', 'in', ids).executeTakeFirst()).numUpdatedRows);
    await trx.updateTable('campaign_attempts').set({ note: null }).where('contact_id', 'in', ids).execute();
  }
}

/** Tables not handled by name that have the column: features added later are swept too. */
async function sweepableTables(db: Kysely<Database>, column: string): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.filter((t) => !t.isView && !HANDLED.has(t.name) && t.columns.some((c) => c.name === column)).map((t) => t.name);
}
