import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { z } from 'zod';
import { seededRandom } from '../src/ai/intents/seeded-random.js';
import { buildLineReport, type LineReport, type LineReportOptions } from '../src/app/reports/index.js';
import { migrateToLatest } from '../src/storage/index.js';
import { DEMO_LINES, DEMO_TENANT_ID, seedDemoTenant } from '../src/storage/seed/demo-tenant.seed.js';
import { createBenchDatabase } from './report/bench-database.js';
import { HelplineTraffic } from './report/helpline-traffic.js';
import { contactIds, insertContacts, insertConversations } from './report/insert-rows.js';

/**
 * Report bench: a year of Kinderlijn-scale traffic (242,355 conversations in the real line's
 * year) on `ln_kinderlijn` in a fresh database, then the full-year line report, timed.
 * Progress goes to stderr; stdout gets one JSON line.
 *
 * @example
 *   npx tsx bench/report.bench.ts --conversations 250000
 *   npx tsx bench/report.bench.ts --conversations 250000 --database-url postgres://centraal@127.0.0.1:5432/postgres
 */
const argsSchema = z.object({
  conversations: z.coerce.number().int().positive().default(250_000),
  contacts: z.coerce.number().int().positive().default(50_000),
  runs: z.coerce.number().int().positive().default(3),
  seed: z.coerce.number().int().default(1),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
});

const { values } = parseArgs({
  options: {
    conversations: { type: 'string' },
    contacts: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    'database-url': { type: 'string' },
  },
});
const args = argsSchema.parse({ ...values, databaseUrl: values['database-url'] });

/** 2025-01-01 00:00 in Brussels (UTC+1), a whole year of 365 days. */
const YEAR_START = Date.UTC(2024, 11, 31, 23);
const DAYS = 365;
const YEAR_END = YEAR_START + DAYS * 86_400_000;
const KINDERLIJN_AGENTS = ['us_sofie', 'us_emma', 'us_marleen'];

const log = (message: string): void => void process.stderr.write(`[report-bench] ${message}\n`);

async function main(): Promise<void> {
  const bench = await createBenchDatabase(args.databaseUrl);
  const { db } = bench;
  try {
    await migrateToLatest(db);
    await seedDemoTenant(db, YEAR_START);
    log(`${db.flags.name}: migrated and seeded; inserting ${args.contacts} contacts and ${args.conversations} conversations`);
    const insertStarted = performance.now();
    const contacts = contactIds(args.contacts);
    await insertContacts(db, DEMO_TENANT_ID, contacts, YEAR_START);
    const traffic = new HelplineTraffic(
      { tenantId: DEMO_TENANT_ID, lineId: DEMO_LINES.kinderlijn, queueId: 'qu_kinderlijn', agentIds: KINDERLIJN_AGENTS, contactIds: contacts, start: YEAR_START, days: DAYS, utcOffsetHours: 1 },
      seededRandom(args.seed),
    );
    await insertConversations(db, args.conversations, (index) => traffic.conversation(index), (done) => {
      if (done % 50_000 === 0 || done === args.conversations) log(`inserted ${done} conversations`);
    });
    // Fresh statistics, as autovacuum (PostgreSQL) or a periodic ANALYZE would give a live database.
    await sql`analyze`.execute(db.kysely);
    const insertSeconds = (performance.now() - insertStarted) / 1000;
    log(`insert: ${insertSeconds.toFixed(1)} s`);

    const options: LineReportOptions = {
      tenantId: DEMO_TENANT_ID, lineId: DEMO_LINES.kinderlijn, from: YEAR_START, to: YEAR_END, timeZone: 'Europe/Brussels',
      serviceLevelSeconds: 60, shortAbandonSeconds: 5, hideAgentHandleTime: true,
    };
    const timings: number[] = [];
    let report: LineReport | undefined;
    for (let run = 1; run <= args.runs; run++) {
      report = await buildLineReport(db, options);
      timings.push(report.generatedInMs / 1000);
      log(`report run ${run}: ${report.generatedInMs.toFixed(0)} ms`);
    }
    if (report) log(summary(report));
    const sorted = [...timings].sort((a, b) => a - b);
    const result = {
      conversations: args.conversations,
      dialect: db.flags.name,
      insertSeconds: round(insertSeconds),
      reportSeconds: round(sorted[0] ?? Number.NaN),
      reportSecondsMedian: round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await bench.destroy();
  }
}

function summary(report: LineReport): string {
  const percent = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
  const topics = report.topics.topics.slice(0, 3).map((t) => `${t.topicId} ${percent(t.value)}`).join(', ');
  return [
    `total ${report.volume.total} (voice ${percent(report.volume.byChannel.voice.value)}, chat ${percent(report.volume.byChannel.chat.value)})`,
    `SL ${percent(report.serviceLevel.value)} in ${report.serviceLevel.thresholdSeconds} s`,
    `answered ${percent(report.answerRate.value)}, abandoned ${percent(report.abandonRate.value)} (${report.abandonRate.shortAbandonsExcluded} short)`,
    `AHT ${report.averageHandleSeconds.value?.toFixed(0)} s, wait ${report.averageWaitSeconds.value?.toFixed(0)} s`,
    `topics of ${report.topics.registered} registered: ${topics}`,
  ].join('; ');
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
