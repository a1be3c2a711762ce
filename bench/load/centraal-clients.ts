import { AgentClient } from './agent-client.js';
import type { BenchRun } from './bench-run.js';
import { CustomerClient } from './customer-client.js';
import { LatencyHistogram, round } from './latency-histogram.js';
import { loginAgent, sourceAddress, startWidgetConversation } from './http-api.js';
import { progress, sleep } from './progress-log.js';
import { runRamped } from './ramp.js';
import type { LoadSeed } from './seed-tenant.js';

/**
 * Brings the simulated population up against Centraal: agents log in and go available first,
 * then customers start conversations at a steady ramp and wait for an agent.
 */
export interface PopulationSettings {
  baseUrl: string;
  /** Several nodes: person `i` uses node `i % n` for both HTTP and WebSocket. */
  baseUrls?: string[];
  seed: LoadSeed;
  agents: number;
  chats: number;
  rampPerSecond: number;
  assignTimeoutSeconds: number;
}

const AGENT_LOGINS_PER_SECOND = 100;
const RAMP_CONCURRENCY = 50;

export async function connectAgents(settings: PopulationSettings, run: BenchRun): Promise<AgentClient[]> {
  const credentials = settings.seed.agents.slice(0, settings.agents);
  if (credentials.length < settings.agents) {
    progress(`seed has only ${credentials.length} agents; running with those`);
  }
  const results = await runRamped(credentials.length, AGENT_LOGINS_PER_SECOND, RAMP_CONCURRENCY, async (index) => {
    const { email, password } = credentials[index] ?? { email: '', password: '' };
    const baseUrl = nodeFor(settings, index);
    const session = await loginAgent(baseUrl, sourceAddress('agent', index), email, password);
    const agent = new AgentClient({ index, wsUrl: toWsUrl(baseUrl), origin: baseUrl, cookie: session.cookie, run });
    await agent.start();
    return agent;
  });
  return keepSuccesses('agent', results);
}

export async function startCustomers(settings: PopulationSettings, run: BenchRun): Promise<CustomerClient[]> {
  const runId = Date.now().toString(36);
  const startTimes = new LatencyHistogram();
  const connectTimes = new LatencyHistogram();
  const results = await runRamped(settings.chats, settings.rampPerSecond, RAMP_CONCURRENCY, async (index) => {
    const visitorId = `load-${runId}-${index}`;
    const from = sourceAddress('customer', index);
    const baseUrl = nodeFor(settings, index);
    const began = performance.now();
    const conversation = await startWidgetConversation(baseUrl, from, settings.seed.lineId, visitorId);
    const started = performance.now();
    startTimes.record(started - began);
    const customer = new CustomerClient({ index, wsUrl: toWsUrl(baseUrl), origin: baseUrl, ...conversation, run });
    await customer.start();
    connectTimes.record(performance.now() - started);
    return customer;
  });
  progress(`customer setup: POST conversations ${describeTimes(startTimes)}; WS connect to hello ${describeTimes(connectTimes)}`);
  return keepSuccesses('customer', results);
}

function describeTimes(times: LatencyHistogram): string {
  const [p50 = 0, p99 = 0] = times.percentiles([50, 99]);
  return `p50 ${round(p50, 1)} ms, p99 ${round(p99, 1)} ms`;
}

/** Resolves with the customers that got an agent; the others are left out of the measured phases. */
export async function waitForAssignment(customers: CustomerClient[], timeoutSeconds: number): Promise<CustomerClient[]> {
  const deadline = performance.now() + timeoutSeconds * 1000;
  while (performance.now() < deadline) {
    const assigned = customers.filter((c) => c.isAssigned).length;
    if (assigned === customers.length) break;
    progress(`assigned ${assigned}/${customers.length}`);
    await sleep(1000);
  }
  const assigned = customers.filter((c) => c.isAssigned);
  if (assigned.length < customers.length) {
    progress(`${customers.length - assigned.length} customers never got conversation.assigned; measuring the ${assigned.length} that did`);
  }
  return assigned;
}

function nodeFor(settings: PopulationSettings, index: number): string {
  const urls = settings.baseUrls?.length ? settings.baseUrls : [settings.baseUrl];
  return urls[index % urls.length]!;
}

export function toWsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/ws`;
}

function keepSuccesses<T>(what: string, results: Array<{ ok: true; value: T } | { ok: false; error: unknown }>): T[] {
  const failures = results.flatMap((r) => (r.ok ? [] : [String(r.error)]));
  if (failures.length > 0) {
    const distinct = [...new Set(failures)].slice(0, 5);
    progress(`${failures.length} ${what}s failed to start, e.g.:\n  ${distinct.join('\n  ')}`);
  }
  const ok = results.flatMap((r) => (r.ok ? [r.value] : []));
  if (ok.length === 0) throw new Error(`no ${what} could start: ${failures[0] ?? 'unknown error'}`);
  return ok;
}
