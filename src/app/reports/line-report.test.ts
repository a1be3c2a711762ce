import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationTable } from '../../storage/database.js';
import type { Db } from '../../storage/index.js';
import { DEMO_LINES, DEMO_TENANT_ID, seedDemoTenant } from '../../storage/seed/demo-tenant.seed.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { buildLineReport, type LineReportOptions } from './line-report.js';

/** 2025-03-03 10:00 in Brussels (UTC+1). */
const T0 = Date.UTC(2025, 2, 3, 9, 0);
const S = 1000;

interface Handmade {
  id: string;
  channel: 'voice' | 'chat';
  /** Seconds in the queue, then seconds handled (absent: abandoned, or still waiting). */
  wait?: number;
  handle?: number;
  state?: 'closed' | 'abandoned' | 'queued';
  agent?: string;
  topics?: string[];
  phase?: string;
  wrapUp?: string;
  lineId?: string;
  createdAt?: number;
}

/** Each conversation arrives one minute after the previous, queues after 20 s of IVR. */
function row(c: Handmade, index: number): ConversationTable {
  const createdAt = c.createdAt ?? T0 + index * 60 * S;
  const enqueuedAt = createdAt + 20 * S;
  const state = c.state ?? 'closed';
  const acceptedAt = state === 'closed' && c.wait !== undefined ? enqueuedAt + c.wait * S : null;
  const closedAt = acceptedAt !== null ? acceptedAt + (c.handle ?? 0) * S : state === 'abandoned' ? enqueuedAt + (c.wait ?? 0) * S : null;
  const topics = (c.topics ?? []).map((topicId) => ({ topicId, subtopicId: null }));
  return {
    id: c.id, tenant_id: DEMO_TENANT_ID, line_id: c.lineId ?? DEMO_LINES.kinderlijn, queue_id: 'qu_kinderlijn', contact_id: 'ct_1',
    channel: c.channel, language: 'nl', state, priority: 0, assigned_agent_id: acceptedAt !== null ? (c.agent ?? null) : null,
    offered_agent_id: null, offer_expires_at: null, created_at: createdAt, enqueued_at: enqueuedAt, accepted_at: acceptedAt, closed_at: closedAt,
    registration: JSON.stringify({ topics, phaseId: c.phase ?? null, wrapUpCode: c.wrapUp ?? null, notes: 'vertrouwelijk' }), context: '{}',
  };
}

// Threshold 60 s, short abandons under 5 s. Answered waits 10, 50, 90, 60 (exactly T: within), 200.
const CONVERSATIONS: Handmade[] = [
  { id: 'c1', channel: 'voice', wait: 10, handle: 300, agent: 'us_sofie', topics: ['pesten', 'pesten'], phase: 'goal', wrapUp: 'gesprek' },
  { id: 'c2', channel: 'voice', wait: 50, handle: 600, agent: 'us_emma', topics: ['relaties'], phase: 'work', wrapUp: 'gesprek' },
  { id: 'c3', channel: 'chat', wait: 90, handle: 1200, agent: 'us_sofie', topics: ['pesten', 'relaties'], phase: 'close', wrapUp: 'doorverwezen' },
  { id: 'c4', channel: 'chat', wait: 60, handle: 900, agent: 'us_emma', topics: [], phase: 'contact', wrapUp: 'test' },
  { id: 'c5', channel: 'voice', wait: 3, state: 'abandoned' },
  { id: 'c6', channel: 'voice', wait: 120, state: 'abandoned' },
  { id: 'c7', channel: 'voice', wait: 30, state: 'abandoned' },
  { id: 'c8', channel: 'voice', wait: 200, handle: 300, agent: 'us_sofie', topics: ['seksualiteit'], phase: 'goal', wrapUp: 'gesprek' },
  { id: 'c9', channel: 'chat', state: 'queued' },
  // Outside the report: created before the period, and on another line.
  { id: 'c10', channel: 'voice', wait: 5, handle: 100, agent: 'us_sofie', topics: ['pesten'], createdAt: T0 - 60 * S },
  { id: 'c11', channel: 'chat', wait: 5, handle: 100, agent: 'us_sofie', topics: ['kaart'], lineId: DEMO_LINES.bank },
];

const OPTIONS: LineReportOptions = {
  tenantId: DEMO_TENANT_ID, lineId: DEMO_LINES.kinderlijn, from: T0, to: T0 + 3_600 * S, timeZone: 'Europe/Brussels',
  serviceLevelSeconds: 60, shortAbandonSeconds: 5, hideAgentHandleTime: true,
};

describe.each(testDialects())('line report on %s', (dialect) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await database.open();
    await seedDemoTenant(db, T0);
    await db.kysely.insertInto('contacts').values({ id: 'ct_1', tenant_id: DEMO_TENANT_ID, key: 'k1', pseudonym: 'AAAA-BBBB', identifier_kind: 'phone', identifier: null, display_name: null, created_at: T0 }).execute();
    await db.kysely.insertInto('conversations').values(CONVERSATIONS.map(row)).execute();
  });

  afterAll(async () => {
    await db?.close();
    await database?.destroy();
  });

  it('counts the volume of the line and period only, per channel and per Brussels hour', async () => {
    const report = await buildLineReport(db, OPTIONS);
    expect(report.volume.total).toBe(9);
    expect(report.volume.byChannel.voice).toEqual({ value: 6 / 9, numerator: 6, denominator: 9 });
    expect(report.volume.byChannel.chat.numerator).toBe(3);
    expect(report.volume.byHour[10]?.numerator).toBe(9);
  });

  it('computes service level, answer and abandon rate without the short abandon', async () => {
    const report = await buildLineReport(db, OPTIONS);
    // Within 60 s: c1, c2, c4 of 5 answered + 2 counted abandons (c5 is a 3 s misdial).
    expect(report.serviceLevel).toMatchObject({ numerator: 3, denominator: 7, answered: 5, abandoned: 2, shortAbandonsExcluded: 1 });
    expect(report.serviceLevel.value).toBeCloseTo(3 / 7);
    expect(report.answerRate).toMatchObject({ numerator: 5, denominator: 7 });
    expect(report.abandonRate).toMatchObject({ numerator: 2, denominator: 7 });
  });

  it('averages handle time as closed minus accepted and waits over answered and abandoned', async () => {
    const report = await buildLineReport(db, OPTIONS);
    // (300 + 600 + 1200 + 900 + 300) / 5; waits (10 + 50 + 90 + 60 + 200 + 3 + 120 + 30) / 8.
    expect(report.averageHandleSeconds).toMatchObject({ value: 660, denominator: 5 });
    expect(report.averageHandleSecondsByChannel.chat).toMatchObject({ value: 1050, denominator: 2 });
    expect(report.averageWaitSeconds).toMatchObject({ value: 563 / 8, denominator: 8 });
  });

  it('shares topics over registered conversations, counting a repeated topic once', async () => {
    const report = await buildLineReport(db, OPTIONS);
    expect(report.topics.registered).toBe(4);
    expect(report.topics.unregistered).toBe(5);
    expect(report.topics.topics).toEqual([
      { topicId: 'pesten', value: 0.5, numerator: 2, denominator: 4 },
      { topicId: 'relaties', value: 0.5, numerator: 2, denominator: 4 },
      { topicId: 'seksualiteit', value: 0.25, numerator: 1, denominator: 4 },
    ]);
  });

  it('orders phases by the line phase model read from the line', async () => {
    const report = await buildLineReport(db, OPTIONS);
    expect(report.phases.recorded).toBe(5);
    expect(report.phases.phases.map((p) => [p.phaseId, p.numerator])).toEqual([['contact', 1], ['explore', 0], ['goal', 2], ['work', 1], ['close', 1]]);
  });

  it('leaves out handle time per agent when the line hides it', async () => {
    const report = await buildLineReport(db, OPTIONS);
    expect(report).not.toHaveProperty('byAgent');
    expect(JSON.stringify(report)).not.toContain('us_sofie');
  });

  it('gives handle time per agent when the line shows it', async () => {
    const report = await buildLineReport(db, { ...OPTIONS, hideAgentHandleTime: false });
    expect(report.byAgent?.us_sofie).toMatchObject({ value: 600, denominator: 3 });
    expect(report.byAgent?.us_emma).toMatchObject({ value: 750, denominator: 2 });
  });

  it('adds NPS and helpfulness only when survey answers are given', async () => {
    expect(await buildLineReport(db, OPTIONS)).not.toHaveProperty('surveys');
    const surveys = [10, 9, 3].map((nps, i) => ({ conversationId: `c${i + 1}`, lineId: DEMO_LINES.kinderlijn, nps, helpfulness: 8 }));
    const report = await buildLineReport(db, { ...OPTIONS, surveys });
    expect(report.surveys?.netPromoterScore).toMatchObject({ value: 33, promoters: 2, detractors: 1 });
    expect(report.surveys?.helpfulness).toMatchObject({ value: 8, denominator: 3 });
  });
});
