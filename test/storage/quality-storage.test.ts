import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Db, type Repositories } from '../../src/storage/index.js';
import type { ComplaintFollowUpRecord, GestureRecord, IdeaRecord } from '../../src/storage/index.js';
import { DEMO_LINES, DEMO_TENANT_ID, seedDemoTenant } from '../../src/storage/seed/demo-tenant.seed.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

const OTHER = 'tn_other';
const T = 1_795_000_000_000;

const idea = (id: string, tenantId = DEMO_TENANT_ID): IdeaRecord => ({
  id, tenantId, authorId: 'us_sofie', title: 'Idee', body: '', status: 'new', reply: null, repliedBy: null, version: 1, createdAt: T, updatedAt: T,
});
const followUp = (id: string, conversationId: string): ComplaintFollowUpRecord => ({
  id, tenantId: DEMO_TENANT_ID, lineId: DEMO_LINES.bank, conversationId, contactId: null, agentId: null, source: 'wrap_up', nps: null, comment: null,
  status: 'open', assigneeId: null, notes: '', outcome: null, version: 1, createdAt: T, updatedAt: T,
});
const gesture = (id: string, amountCents: number): GestureRecord => ({
  id, tenantId: DEMO_TENANT_ID, team: 'Team B', year: 2026, requestedBy: 'us_sofie', conversationId: null, amountCents, reason: 'Bloemen', status: 'requested',
  decidedBy: null, decisionNote: null, version: 1, createdAt: T, updatedAt: T,
});

/** The quality tables on both databases: tenant scoping, "once" constraints and version checks. */
describe.each(testDialects())('quality storage on %s', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  let repos: Repositories;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await database.open();
    repos = createRepositories(db);
    await seedDemoTenant(db, T);
    await repos.tenants.insert({ id: OTHER, name: 'Ander', secret: 'x' }, T);
  });

  afterAll(async () => {
    await db?.close();
    await database?.destroy();
  });

  it('keeps ideas, follow-ups and gestures inside their tenant', async () => {
    await repos.ideas.insert(idea('idea_1'));
    await repos.ideas.insert(idea('idea_2', OTHER));
    expect((await repos.ideas.list(DEMO_TENANT_ID)).map((i) => i.id)).toEqual(['idea_1']);
    expect(await repos.ideas.get(OTHER, 'idea_1')).toBeUndefined();
    expect(await repos.complaints.insertOnce(followUp('fu_1', 'cv_1'))).toBe(true);
    expect(await repos.complaints.get(OTHER, 'fu_1')).toBeUndefined();
    expect(await repos.complaints.list(OTHER)).toEqual([]);
    await repos.recognition.insertGesture(gesture('gs_1', 500));
    expect(await repos.recognition.getGesture(OTHER, 'gs_1')).toBeUndefined();
    expect(await repos.recognition.listGestures(OTHER, { year: 2026 })).toEqual([]);
  });

  it('stores one follow-up per conversation, one support per person, one badge per rule, agent and month', async () => {
    expect(await repos.complaints.insertOnce(followUp('fu_2', 'cv_1'))).toBe(false);
    await repos.complaints.addSurvey(DEMO_TENANT_ID, 'cv_1', 4, 'Traag', T + 1);
    expect(await repos.complaints.get(DEMO_TENANT_ID, 'fu_1')).toMatchObject({ nps: 4, comment: 'Traag', version: 2 });

    expect(await repos.ideas.vote('idea_1', 'us_emma', T)).toBe(true);
    expect(await repos.ideas.vote('idea_1', 'us_emma', T)).toBe(false);
    expect((await repos.ideas.votes(['idea_1'], 'us_emma')).counts.get('idea_1')).toBe(1);

    const rule = { id: 'br_x', badge: 'Mok', minResponses: 1, minAverageHelpfulness: null, minNps: null, active: true };
    await repos.recognition.insertBadgeRule(DEMO_TENANT_ID, rule, T);
    const badge = { id: 'bd_1', tenantId: DEMO_TENANT_ID, ruleId: 'br_x', agentId: 'us_emma', month: '2026-11', badge: 'Mok', responses: 1, averageHelpfulness: 9.5, createdAt: T };
    expect(await repos.recognition.insertBadges([badge])).toHaveLength(1);
    expect(await repos.recognition.insertBadges([{ ...badge, id: 'bd_2' }])).toEqual([]);
    expect(await repos.recognition.badges(DEMO_TENANT_ID, 'us_emma')).toEqual([badge]);
  });

  it('writes a change only on the version it read', async () => {
    const current = (await repos.complaints.get(DEMO_TENANT_ID, 'fu_1'))!;
    expect(await repos.complaints.update({ ...current, status: 'in_progress' }, 1)).toBe(false);
    expect(await repos.complaints.update({ ...current, status: 'in_progress' }, current.version)).toBe(true);
    expect(await repos.complaints.get(DEMO_TENANT_ID, 'fu_1')).toMatchObject({ status: 'in_progress', version: current.version + 1 });
  });

  it('decides a gesture against the budget inside the transaction', async () => {
    await repos.recognition.setBudget(DEMO_TENANT_ID, 'Team B', 2026, 1000);
    await repos.recognition.insertGesture(gesture('gs_2', 700));
    const fits = (budget: number | null, spent: number) => budget !== null && 700 <= budget - spent;
    // gs_1 (500) is only requested: nothing spent yet, 700 fits.
    expect(await repos.recognition.decideGesture({ ...gesture('gs_2', 700), status: 'approved', decidedBy: 'us_marleen' }, 1, fits)).toEqual({ ok: true });
    const again = await repos.recognition.decideGesture({ ...gesture('gs_1', 500), status: 'approved' }, 1, (budget, spent) => budget !== null && 500 <= budget - spent);
    expect(again).toEqual({ ok: false, reason: 'refused', budgetCents: 1000, spentCents: 700 });
    expect((await repos.recognition.budgets(DEMO_TENANT_ID, 2026)).find((b) => b.team === 'Team B')).toEqual({ team: 'Team B', amountCents: 1000, spentCents: 700 });
    expect(await repos.recognition.budgets(OTHER, 2026)).toEqual([]);
  });
});
