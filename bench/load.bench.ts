import { fileURLToPath } from 'node:url';
import type { AgentClient } from './load/agent-client.js';
import { type BenchArgs, parseBenchArgs } from './load/args.js';
import { BenchRun } from './load/bench-run.js';
import { connectAgents, startCustomers, waitForAssignment } from './load/centraal-clients.js';
import type { CustomerClient } from './load/customer-client.js';
import { round } from './load/latency-histogram.js';
import { progress, sleep } from './load/progress-log.js';
import { runRelayBaseline } from './load/relay-baseline.js';
import { runSaturation, type SaturationResult, type SaturationSettings } from './load/saturation-phase.js';
import { installSignalHandlers, runShutdown } from './load/shutdown.js';
import { runSteady, type SteadyResult } from './load/steady-phase.js';
import { prepareTarget, seedOnly } from './load/target.js';

/**
 * Load bench: N agents and M widget customers against a real Centraal server over the real
 * HTTP and WebSocket protocols, then the same saturation pattern against a bare ws relay.
 * Progress goes to stderr; the last stdout line is one JSON object.
 *
 * @example
 *   npm run bench:load -- --agents 200 --chats 1000 --seconds 20
 *   npm run bench:load -- --relay-only
 *   npm run bench:load -- --nodes 3 --database-url postgres://localhost/empty_db   # three nodes, throwaway Redis
 *   npm run bench:load -- --database-url postgres://localhost/empty_db   # seeds and serves on PostgreSQL
 *   # against a server you start yourself (seed once, then one run per fresh seed):
 *   npm run bench:load -- --seed-only --data-dir /tmp/load --seed-file /tmp/load/seed.json
 *   DATA_DIR=/tmp/load DEMO_DATA=false PORT=4000 npm start &
 *   npm run bench:load -- --url http://127.0.0.1:4000 --seed-file /tmp/load/seed.json
 *
 * Each simulated person makes its HTTP calls from its own 127.x.y.z address, because the
 * server rate-limits logins and conversation starts per IP (Linux: all of 127/8 is loopback).
 *
 * Saturation choice: agents do not reply during saturation. The figure is customer→agent
 * throughput (store + route + fan-out), which is also all the bare relay can do. Both
 * saturation runs warm up for 2 s before their measured window opens.
 */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Let stragglers land before counting a saturation message as undelivered. */
const SATURATION_DRAIN_SECONDS = 2;
/** Both saturation runs send for this long before their measured window opens. */
const SATURATION_WARMUP_SECONDS = 2;

async function main(): Promise<void> {
  installSignalHandlers();
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.seedOnly) {
    const seed = await seedOnly(args);
    printResult({ seeded: true, lineId: seed.lineId, agents: seed.agents.length, seedFile: args.seedFile ?? null });
    return;
  }
  const centraal = args.relayOnly ? null : await runCentraal(args);
  const relay = await runRelayBaseline({ agents: args.agents, chats: args.chats, ...saturationSettings(args) });
  describeSaturation('relay', relay);
  const wsRelayMsgsPerSec = round(relay.msgsPerSec, 1);
  if (!centraal) {
    printResult({ agents: args.agents, chats: args.chats, seconds: args.saturationSeconds, wsRelayMsgsPerSec });
    return;
  }
  const maxMsgsPerSec = round(centraal.saturation.msgsPerSec, 1);
  printResult({
    ...(args.nodes > 1 ? { nodes: args.nodes } : {}),
    agents: args.agents,
    chats: args.chats,
    seconds: args.seconds,
    ...centraal.steady,
    maxMsgsPerSec,
    wsRelayMsgsPerSec,
    ratio: relay.msgsPerSec > 0 ? round(centraal.saturation.msgsPerSec / relay.msgsPerSec, 3) : 0,
  });
}

async function runCentraal(args: BenchArgs): Promise<{ steady: SteadyResult; saturation: SaturationResult }> {
  const target = await prepareTarget(args, PROJECT_ROOT);
  const run = new BenchRun();
  let agents: AgentClient[] = [];
  let customers: CustomerClient[] = [];
  try {
    const settings = { ...args, baseUrl: target.baseUrl, baseUrls: target.baseUrls, seed: target.seed };
    agents = await connectAgents(settings, run);
    progress(`${agents.length} agents available`);
    customers = await startCustomers(settings, run);
    progress(`${customers.length} customers connected; waiting for assignment`);
    const assigned = await waitForAssignment(customers, args.assignTimeoutSeconds);
    progress(`${assigned.length} conversations assigned; steady phase for ${args.seconds}s`);
    const steady = await runSteady(run, assigned, args);
    progress(`steady: ${JSON.stringify(steady)}`);
    run.phase = 'saturation';
    const saturation = await runSaturation('centraal', assigned, run.saturation, saturationSettings(args));
    describeSaturation('centraal', saturation);
    progress(run.counters.summary());
    return { steady, saturation };
  } finally {
    run.phase = 'drain';
    for (const customer of customers) customer.stop();
    for (const agent of agents) agent.stop();
    await sleep(200);
    for (const customer of customers) customer.terminate();
    for (const agent of agents) agent.terminate();
    await target.stop();
  }
}

function saturationSettings(args: BenchArgs): SaturationSettings {
  return {
    seconds: args.saturationSeconds,
    inflight: args.inflight,
    globalInflight: args.globalInflight,
    warmupSeconds: SATURATION_WARMUP_SECONDS,
    drainSeconds: SATURATION_DRAIN_SECONDS,
  };
}

function describeSaturation(label: string, result: SaturationResult): void {
  const latency = `p50 ${round(result.p50Ms, 2)} ms, p99 ${round(result.p99Ms, 2)} ms`;
  progress(
    `${label} saturation: ${round(result.msgsPerSec, 1)} msgs/s (${result.delivered} delivered in window; ` +
      `sent ${result.sent}, acked ${result.acked}, acked but undelivered ${result.undelivered}; ${latency})`,
  );
}

function printResult(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Everything is closed by now; the unref'd timer only fires if some handle leaked, so the bench always ends. */
function exitSoon(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 3000).unref();
}

main()
  .then(async () => {
    await runShutdown();
    exitSoon(0);
  })
  .catch(async (error: unknown) => {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await runShutdown();
    exitSoon(1);
  });
