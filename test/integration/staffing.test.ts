import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationTable } from '../../src/storage/database.js';
import { requiredAgents } from '../../src/core/wfm/index.js';
import { StaffClient } from '../support/api-client.js';
import { testDialects } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const LINE = 'ln_energienoord';
/** 09:00 Brussels (winter, UTC+1) on a day. */
const nineAm = (day: string) => Date.parse(`${day}T08:00:00Z`);

function conversation(id: string, createdAt: number, queued = true): ConversationTable {
  const enqueuedAt = queued ? createdAt + 10_000 : null;
  const acceptedAt = enqueuedAt === null ? null : enqueuedAt + 20_000;
  return {
    id, tenant_id: 'tn_contactpunt', line_id: LINE, queue_id: 'qu_energie', contact_id: 'ct_staffing', channel: 'voice', language: 'nl', state: 'closed', priority: 0,
    assigned_agent_id: null, offered_agent_id: null, offer_expires_at: null, created_at: createdAt, enqueued_at: enqueuedAt, accepted_at: acceptedAt,
    closed_at: acceptedAt === null ? createdAt + 60_000 : acceptedAt + 240_000, registration: JSON.stringify({ topics: [], phaseId: null, wrapUpCode: null, notes: '' }), context: '{}',
  };
}

describe.each(testDialects())('the staffing plan on %s', (dialect) => {
  let server: TestServer;
  let marleen: StaffClient;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.running.db;
    const tenant = await db.kysely.selectFrom('lines').select('tenant_id').where('id', '=', LINE).executeTakeFirstOrThrow();
    await db.kysely.insertInto('contacts').values({ id: 'ct_staffing', tenant_id: tenant.tenant_id, key: 'k-staffing', pseudonym: 'STAF-0001', identifier_kind: 'phone', identifier: null, display_name: null, created_at: 0 }).execute();
    const rows: ConversationTable[] = [];
    // The three Mondays before 7 December 2026: 10, 14 and 12 queued contacts between 09:00 and 09:10.
    for (const [day, n] of [['2026-11-16', 10], ['2026-11-23', 14], ['2026-11-30', 12]] as const) {
      for (let i = 0; i < n; i++) rows.push({ ...conversation(`cv_st_${day}_${i}`, nineAm(day) + i * 30_000), tenant_id: tenant.tenant_id });
    }
    // The bot's own contact never reaches the queue and needs no agent.
    rows.push({ ...conversation('cv_st_bot', nineAm('2026-11-30'), false), tenant_id: tenant.tenant_id });
    await db.kysely.insertInto('conversations').values(rows).execute();
    marleen = await StaffClient.login(server.url, 'marleen@contactpunt.example');
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('forecasts the interval from the same weekdays with their trend and staffs it with Erlang C', async () => {
    const plan = await marleen.request<{
      historyDays: string[];
      dayTotals: number[];
      trendFactor: number;
      ahtSeconds: number;
      ahtSource: string;
      targetSeconds: number;
      targetPercent: number;
      intervals: Array<{ startMinute: number; contacts: number; agents: number; scheduledAgents: number; occupancy: number }>;
      totals: { peakAgents: number };
    }>('GET', `/api/staffing/lines/${LINE}?day=2026-12-07&weeks=3&intervalMinutes=30`);
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ historyDays: ['2026-11-16', '2026-11-23', '2026-11-30'], dayTotals: [10, 14, 12], ahtSeconds: 240, ahtSource: 'history', targetSeconds: 20, targetPercent: 80 });
    expect(plan.body.intervals).toHaveLength(48);
    const nine = plan.body.intervals.find((i) => i.startMinute === 540)!;
    expect(nine.contacts).toBeCloseTo(14);
    const expected = requiredAgents({ callsPerInterval: nine.contacts, intervalSeconds: 1800, ahtSeconds: 240, targetSeconds: 20, targetServiceLevel: 0.8, shrinkage: 0.3 });
    expect(nine).toMatchObject({ agents: expected.agents, scheduledAgents: expected.scheduledAgents });
    expect(nine.occupancy).toBeCloseTo(expected.occupancy);
    expect(plan.body.totals.peakAgents).toBe(expected.agents);
    expect(plan.body.intervals.filter((i) => i.agents > 0)).toHaveLength(1);

    const given = await marleen.request<{ ahtSeconds: number; ahtSource: string }>('GET', `/api/staffing/lines/${LINE}?day=2026-12-07&weeks=3&ahtSeconds=600&targetPercent=90`);
    expect(given.body).toMatchObject({ ahtSeconds: 600, ahtSource: 'given' });
  });

  it('checks roles, the line and the query', async () => {
    const thomas = await StaffClient.login(server.url, 'thomas@contactpunt.example');
    expect((await thomas.request('GET', `/api/staffing/lines/${LINE}?day=2026-12-07`)).status).toBe(403);
    expect((await marleen.request('GET', '/api/staffing/lines/ln_nope?day=2026-12-07')).status).toBe(404);
    const badDay = await marleen.request('GET', `/api/staffing/lines/${LINE}?day=7-12-2026`);
    expect(badDay.status).toBe(400);
    expect(badDay.body).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect((await marleen.request('GET', `/api/staffing/lines/${LINE}?day=2026-12-07&intervalMinutes=20`)).status).toBe(400);
    expect((await marleen.request('GET', `/api/staffing/lines/${LINE}?day=2026-12-07&weeks=0`)).status).toBe(400);
  });
});
