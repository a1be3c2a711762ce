import { randomBytes } from 'node:crypto';
import { hashPassword, LOAD_TEST_COST } from '../../src/app/auth/password.js';
import type { Agent, Role } from '../../src/core/model/index.js';
import { DEFAULT_PHASES, EMPTY_REGISTRATION } from '../../src/core/model/index.js';
import { createRepositories, type Db } from '../../src/storage/index.js';

/** Every name and text of tenant B carries this, so a leak shows up in any response. */
export const TENANT_B_MARK = 'TENANTBMARK';
export const TENANT_B = {
  tenantId: 'tn_b',
  lineId: 'ln_b',
  queueId: 'qu_b',
  agentId: 'us_b_agent',
  supervisorId: 'us_b_sup',
  adminId: 'us_b_admin',
  contactId: 'ct_b',
  conversationId: 'cv_b',
  incidentId: 'in_b',
  articleId: 'ka_b',
  complimentId: 'cm_b',
  intentId: 'b_intent',
  unansweredId: 'bu_b',
  utteranceId: 'tu_b',
  followUpId: 'cf_b',
  ideaId: 'id_b',
  awardId: 'aw_b',
  badgeRuleId: 'br_b',
  gestureId: 'ge_b',
  team: 'b-team',
  callSid: 'CA' + 'b'.repeat(32),
  password: 'tenant-b-password',
} as const;

/**
 * A second tenant with one of everything (line, queue, agents, a conversation with messages, an
 * incident, a block, an article, a shared compliment, a survey, an audit entry, a bot with an intent, an
 * unanswered question, an imported utterance, a complaint follow-up, an idea, an award with a nomination,
 * a badge rule, a gestures budget and gesture, a voice call), for isolation tests.
 */
export async function seedSecondTenant(db: Db, now = Date.now()): Promise<void> {
  const repos = createRepositories(db);
  const b = TENANT_B;
  const hash = await hashPassword(b.password, LOAD_TEST_COST);
  await repos.tenants.insert({ id: b.tenantId, name: `${TENANT_B_MARK} Org`, secret: randomBytes(32).toString('base64url') }, now);
  await repos.tenants.insertClient({ id: 'cl_b', tenantId: b.tenantId, name: `${TENANT_B_MARK} client` });
  await repos.lines.insertLine({
    id: b.lineId, tenantId: b.tenantId, clientId: 'cl_b', name: `${TENANT_B_MARK} line`, channels: ['chat'], languages: ['nl'], anonymous: false, openingHours: null,
    taxonomy: [{ id: 'b_topic', label: { nl: `${TENANT_B_MARK} topic` }, subtopics: [] }], phases: DEFAULT_PHASES, wrapUpCodes: [], defaultQueueId: b.queueId, topicQueues: {},
    hideAgentHandleTime: false, contextSecret: null,
    bot: { enabled: true, name: `${TENANT_B_MARK} bot`, greeting: { nl: `${TENANT_B_MARK} greeting` }, intents: [{ id: b.intentId, examples: { nl: [`${TENANT_B_MARK} example`] }, answer: { nl: `${TENANT_B_MARK} answer` } }] },
  });
  await repos.lines.insertQueue({ id: b.queueId, tenantId: b.tenantId, lineId: b.lineId, name: `${TENANT_B_MARK} queue`, skills: [], priority: 0, serviceLevelSeconds: 20, serviceLevelPercent: 80, overflow: null });
  const person = (id: string, roles: Role[]): Agent => ({
    id, tenantId: b.tenantId, email: `${id}@tenant-b.example`, name: `${TENANT_B_MARK} ${id}`, roles, skills: ['lang:nl'], queueIds: [b.queueId],
    capacity: { chat: 3, voice: 1, email: 5, whatsapp: 3 }, team: 'b-team', status: 'offline', uiLanguage: 'nl',
  });
  await repos.users.insert(person(b.agentId, ['agent']), hash, now);
  await repos.users.insert(person(b.supervisorId, ['supervisor', 'agent']), hash, now);
  await repos.users.insert(person(b.adminId, ['admin']), hash, now);
  await repos.contacts.insertOrGet({ id: b.contactId, tenantId: b.tenantId, key: 'b'.repeat(64), pseudonym: 'BBBB-BBBB', identifierKind: 'visitor', identifier: `${TENANT_B_MARK}-visitor`, displayName: `${TENANT_B_MARK} customer` }, now);
  await repos.conversations.insert({
    id: b.conversationId, tenantId: b.tenantId, lineId: b.lineId, queueId: b.queueId, contactId: b.contactId, channel: 'chat', language: 'nl', state: 'closed', priority: 0,
    assignedAgentId: b.agentId, offeredAgentId: null, offerExpiresAt: null, createdAt: now - 60_000, enqueuedAt: now - 60_000, acceptedAt: now - 50_000, closedAt: now - 10_000,
    registration: { ...EMPTY_REGISTRATION, notes: `${TENANT_B_MARK} notes` }, context: { page: `https://b.example/${TENANT_B_MARK}` },
  });
  await repos.events.insertBatch([
    { tenantId: b.tenantId, conversationId: b.conversationId, seq: 1, type: 'conversation.started', visibility: 'public', actor: { kind: 'customer' }, data: { lineId: b.lineId }, at: now - 60_000, clientId: null },
    { tenantId: b.tenantId, conversationId: b.conversationId, seq: 2, type: 'message.created', visibility: 'public', actor: { kind: 'customer' }, data: { text: `${TENANT_B_MARK} secret message` }, at: now - 55_000, clientId: 'b1' },
    { tenantId: b.tenantId, conversationId: b.conversationId, seq: 3, type: 'conversation.closed', visibility: 'public', actor: { kind: 'agent', id: b.agentId }, data: {}, at: now - 10_000, clientId: null },
  ]);
  await repos.incidents.insert({
    id: b.incidentId, tenantId: b.tenantId, lineId: b.lineId, conversationId: b.conversationId, contactId: b.contactId, agentId: b.agentId, kind: 'threat', status: 'open',
    evidence: { eventSeqs: [2], reason: `${TENANT_B_MARK} evidence` }, actions: [], escalatedTo: 'security', followUp: { agentCare: null, customerContacted: false, policeReport: false },
    createdAt: now - 5_000, updatedAt: now - 5_000,
  });
  await repos.blocks.insert({ id: 'bl_b', tenantId: b.tenantId, contactKey: 'b'.repeat(64), lineId: b.lineId, reason: `${TENANT_B_MARK} block`, decidedBy: { by: 'policy' }, createdAt: now, expiresAt: now + 86_400_000, permanent: false });
  await repos.knowledge.save({
    id: b.articleId, tenantId: b.tenantId, lineId: b.lineId, language: 'nl', title: `${TENANT_B_MARK} article`, body: `${TENANT_B_MARK} body`, topicId: 'b_topic', subtopicId: null,
    visibility: 'internal', version: 1, updatedAt: now, tags: [], steps: [], warnings: [],
  });
  await repos.compliments.insert({ id: b.complimentId, tenantId: b.tenantId, agentId: b.agentId, conversationId: b.conversationId, source: 'customer', text: `${TENANT_B_MARK} compliment`, shareWithTeam: true, createdAt: now });
  await repos.surveys.insertOnce({ id: 'sv_b', tenantId: b.tenantId, lineId: b.lineId, conversationId: b.conversationId, agentId: b.agentId, nps: 10, helpfulness: 9, comment: `${TENANT_B_MARK} survey`, language: 'nl', createdAt: now });
  await seedQualityAndContent(db, now);
  await repos.audit.insert({ id: 'au_b', tenantId: b.tenantId, actorId: b.adminId, actorRoles: ['admin'], action: 'conversation.opened', targetKind: 'conversation', targetId: b.conversationId, detail: { note: TENANT_B_MARK }, requestId: null, ip: null, at: now });
}

/** Rows of the content, voice and quality tables for tenant B (each text carries the mark). */
async function seedQualityAndContent(db: Db, now: number): Promise<void> {
  const b = TENANT_B;
  const k = db.kysely;
  await k.insertInto('bot_unanswered').values({
    id: b.unansweredId, tenant_id: b.tenantId, line_id: b.lineId, conversation_id: b.conversationId, language: 'nl', text: `${TENANT_B_MARK} question`, reason: 'low_confidence',
    top_intent: b.intentId, top_confidence: 0.3, status: 'open', resolved_intent: null, created_at: now, resolved_at: null,
  }).execute();
  await k.insertInto('training_utterances').values({
    id: b.utteranceId, tenant_id: b.tenantId, line_id: b.lineId, batch_id: 'ib_b', transcript_ref: 'b-1', turn: 1, language: 'nl', text: `${TENANT_B_MARK} utterance`, intent: null,
    suggested_intent: null, suggested_confidence: null, created_at: now,
  }).execute();
  await k.insertInto('complaint_followups').values({
    id: b.followUpId, tenant_id: b.tenantId, line_id: b.lineId, conversation_id: b.conversationId, contact_id: b.contactId, agent_id: b.agentId, source: 'survey', nps: 1,
    comment: `${TENANT_B_MARK} complaint`, status: 'open', assignee_id: null, notes: '', outcome: null, version: 1, created_at: now, updated_at: now,
  }).execute();
  await k.insertInto('ideas').values({ id: b.ideaId, tenant_id: b.tenantId, author_id: b.agentId, title: `${TENANT_B_MARK} idea`, body: `${TENANT_B_MARK} idea body`, status: 'new', reply: null, replied_by: null, version: 1, created_at: now, updated_at: now }).execute();
  await k.insertInto('awards').values({ id: b.awardId, tenant_id: b.tenantId, title: `${TENANT_B_MARK} award`, description: '', status: 'open', created_by: b.supervisorId, created_at: now, closed_at: null }).execute();
  await k.insertInto('award_nominations').values({ id: 'an_b', award_id: b.awardId, nominee_id: b.agentId, nominated_by: b.supervisorId, reason: `${TENANT_B_MARK} reason`, created_at: now }).execute();
  await k.insertInto('badge_rules').values({ id: b.badgeRuleId, tenant_id: b.tenantId, badge: `${TENANT_B_MARK} badge`, min_responses: 1, min_average_helpfulness: null, min_nps: null, active: 1, created_at: now }).execute();
  await k.insertInto('gesture_budgets').values({ tenant_id: b.tenantId, team: b.team, year: new Date(now).getUTCFullYear(), amount_cents: 10_000 }).execute();
  await k.insertInto('gestures').values({
    id: b.gestureId, tenant_id: b.tenantId, team: b.team, year: new Date(now).getUTCFullYear(), requested_by: b.agentId, conversation_id: b.conversationId, amount_cents: 500,
    reason: `${TENANT_B_MARK} gesture`, status: 'requested', decided_by: null, decision_note: null, version: 1, created_at: now, updated_at: now,
  }).execute();
  await k.insertInto('voice_calls').values({
    call_sid: b.callSid, tenant_id: b.tenantId, line_id: b.lineId, conversation_id: b.conversationId, direction: 'inbound', caller_number: '+32400000000', status: 'completed', ivr_state: null,
    created_at: now, updated_at: now,
  }).execute();
}

/** B's ids as JSON values: rows without a tenant column (votes, nominations) that point at B's objects. */
const B_OBJECT_IDS = [TENANT_B.ideaId, TENANT_B.awardId, TENANT_B.agentId, TENANT_B.conversationId].map((id) => `"${id}"`);

/** Every row of every table, as JSON lines, with the rows that belong to tenant B picked out (for before/after comparisons). */
export async function tenantBRows(db: Db): Promise<string[]> {
  const out: string[] = [];
  for (const table of await db.kysely.introspection.getTables()) {
    if (table.name.startsWith('kysely_')) continue;
    const rows = await db.kysely.selectFrom(table.name as never).selectAll().execute();
    for (const row of rows) {
      const text = JSON.stringify(row);
      if (text.includes('tn_b') || text.includes(TENANT_B_MARK) || B_OBJECT_IDS.some((id) => text.includes(id))) out.push(`${table.name} ${text}`);
    }
  }
  return out.sort();
}
