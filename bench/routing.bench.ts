import { seededRandom } from '../src/ai/intents/seeded-random.js';
import {
  RoutingEngine,
  type Channel,
  type ContactInput,
  type Offer,
  type RoutingAgent,
  type RoutingDecisions,
} from '../src/core/routing/index.js';

/**
 * Routing bench: enqueue-to-offer decision latency of the pure engine with a full waiting
 * list. Agents (random languages, 1–3 of ten queues, chat capacity 3–5) are filled to
 * capacity first, until the waiting list holds `--waiting` contacts. Then the measured
 * phase churns: releases, transfers, accepts and declines, agents going away and coming
 * back, abandons, ring time-outs and overflow on `tick`, and new contacts that keep the
 * list near its target. Every engine call that returns at least one offer is a decision
 * and is timed with performance.now(). Progress goes to stderr; stdout ends with one JSON line.
 *
 * @example
 *   npm run bench:routing -- --waiting 10000 --agents 2000
 *   npm run bench:routing -- --waiting 10000 --agents 2000 --decisions 100000 --seed 7
 */

interface BenchArgs {
  readonly waiting: number;
  readonly agents: number;
  readonly decisions: number;
  readonly minSeconds: number;
  readonly seed: number;
}

const QUEUE_COUNT = 10;
const LANGUAGES = ['nl', 'fr', 'en'] as const;
/** Simulated milliseconds per measured step: 20 000 ms of ringing is 1 000 steps. */
const STEP_MS = 20;
const TICK_EVERY_STEPS = 50;

function parseArgs(argv: readonly string[]): BenchArgs {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? '';
    if (!flag.startsWith('--')) continue;
    values.set(flag.slice(2), argv[index + 1] ?? '');
    index += 1;
  }
  const number = (name: string, fallback: number): number => {
    const raw = values.get(name);
    const parsed = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} needs a non-negative number, got ${raw}`);
    return parsed;
  };
  return {
    waiting: number('waiting', 10_000),
    agents: number('agents', 2_000),
    decisions: number('decisions', 50_000),
    minSeconds: number('min-seconds', 2),
    seed: number('seed', 1),
  };
}

/** A set with O(1) add, delete and uniform random pick. */
class PickableSet {
  private readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.items.length;
  }

  add(item: string): void {
    if (this.index.has(item)) return;
    this.index.set(item, this.items.length);
    this.items.push(item);
  }

  delete(item: string): void {
    const at = this.index.get(item);
    if (at === undefined) return;
    const last = this.items.pop() as string;
    this.index.delete(item);
    if (last !== item) {
      this.items[at] = last;
      this.index.set(last, at);
    }
  }

  pick(random: () => number): string | undefined {
    return this.items[Math.floor(random() * this.items.length)];
  }
}

function progress(message: string): void {
  process.stderr.write(`[routing bench] ${message}\n`);
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The simulated contact center around one engine, tracking what the engine told it. */
class RoutingBench {
  readonly engine = new RoutingEngine();
  readonly random: () => number;
  now = 1_700_000_000_000;
  private nextConversation = 0;
  readonly waiting = new PickableSet();
  readonly assigned = new PickableSet();
  readonly available = new PickableSet();
  readonly away = new PickableSet();
  private readonly ringing = new Map<string, string>();
  private readonly newOffers: Offer[] = [];
  private samples = new Float64Array(1 << 16);
  decisionCount = 0;
  private measuring = false;
  readonly callsByKind = new Map<string, { calls: number; decisions: number; maxMs: number }>();

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  setup(agentCount: number): void {
    // Highest first: an overflow target must exist before the queue that names it.
    for (let q = QUEUE_COUNT - 1; q >= 0; q--) {
      // Two queues overflow after two minutes, so `tick` also moves contacts.
      const overflow = q === 1 || q === 3 ? { afterSeconds: 120, toQueueId: `q${q + 1}` } : null;
      this.engine.upsertQueue({ id: `q${q}`, skills: [], priority: q === 0 ? 1 : 0, overflow }, this.now);
    }
    for (let a = 0; a < agentCount; a++) {
      this.engine.upsertAgent(this.randomAgent(`agent-${a}`), this.now);
      this.call('status', () => this.engine.setAgentStatus(`agent-${a}`, 'available', this.now));
      this.available.add(`agent-${a}`);
    }
  }

  private randomAgent(id: string): RoutingAgent {
    const languages = LANGUAGES.filter(() => this.random() < 0.5);
    if (languages.length === 0) languages.push(LANGUAGES[Math.floor(this.random() * 3)] ?? 'nl');
    const queueIds = new Set<string>();
    const memberships = 1 + Math.floor(this.random() * 3);
    while (queueIds.size < memberships) queueIds.add(`q${Math.floor(this.random() * QUEUE_COUNT)}`);
    return {
      id,
      skills: languages.map((language) => `lang:${language}`),
      queueIds: [...queueIds],
      capacity: { chat: 3 + Math.floor(this.random() * 3), whatsapp: this.random() < 0.5 ? 1 : 0 },
    };
  }

  randomContact(): ContactInput {
    const r = this.random();
    const language = r < 0.5 ? 'nl' : r < 0.8 ? 'fr' : 'en';
    const p = this.random();
    const channel: Channel = this.random() < 0.9 ? 'chat' : 'whatsapp';
    return {
      conversationId: `conv-${this.nextConversation++}`,
      queueId: `q${Math.floor(this.random() * QUEUE_COUNT)}`,
      channel,
      requiredSkills: [`lang:${language}`],
      priority: p < 0.8 ? 0 : p < 0.95 ? 1 : 2,
      enqueuedAt: this.now,
    };
  }

  /** Runs one engine call; times it as a decision when it offered something. */
  call(kind: string, run: () => RoutingDecisions): RoutingDecisions {
    const started = performance.now();
    const decisions = run();
    const elapsed = performance.now() - started;
    const counts = this.callsByKind.get(kind) ?? { calls: 0, decisions: 0, maxMs: 0 };
    counts.calls += 1;
    counts.maxMs = Math.max(counts.maxMs, elapsed);
    if (decisions.offers.length > 0 && this.measuring) {
      counts.decisions += 1;
      this.record(elapsed);
    }
    this.callsByKind.set(kind, counts);
    this.absorb(decisions);
    return decisions;
  }

  private record(ms: number): void {
    if (this.decisionCount === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.decisionCount++] = ms;
  }

  startMeasuring(): void {
    this.measuring = true;
    this.callsByKind.clear();
  }

  latencies(): Float64Array {
    return this.samples.slice(0, this.decisionCount).sort();
  }

  private absorb(decisions: RoutingDecisions): void {
    for (const ended of decisions.endedOffers) {
      this.ringing.delete(ended.conversationId);
      if (ended.reason !== 'abandoned') this.waiting.add(ended.conversationId);
    }
    for (const offer of decisions.offers) {
      this.waiting.delete(offer.conversationId);
      this.ringing.set(offer.conversationId, offer.agentId);
      this.newOffers.push(offer);
    }
    for (const agentId of decisions.agentsMarkedAway) {
      this.available.delete(agentId);
      this.away.add(agentId);
    }
  }

  enqueue(): void {
    const contact = this.randomContact();
    this.waiting.add(contact.conversationId);
    this.call('enqueue', () => this.engine.enqueue(contact, this.now));
  }

  /** Agents answer what rang: most accept, some decline, a few let it ring out. */
  answerOffers(declineRate: number, ignoreRate: number): void {
    while (this.newOffers.length > 0) {
      const offer = this.newOffers.shift() as Offer;
      if (this.ringing.get(offer.conversationId) !== offer.agentId) continue;
      const r = this.random();
      if (r < ignoreRate) continue;
      if (r < ignoreRate + declineRate) {
        this.call('decline', () => this.engine.declineOffer(offer.conversationId, offer.agentId, this.now));
        continue;
      }
      this.engine.acceptOffer(offer.conversationId, offer.agentId, this.now);
      this.ringing.delete(offer.conversationId);
      this.assigned.add(offer.conversationId);
    }
  }
}

function fill(bench: RoutingBench, target: number): void {
  const started = performance.now();
  while (bench.waiting.size < target) {
    bench.enqueue();
    bench.answerOffers(0, 0);
    bench.now += 1;
  }
  const free = freeAgents(bench);
  progress(`filled: ${bench.waiting.size} waiting, ${bench.assigned.size} assigned, ${free} agents with room, ${Math.round(performance.now() - started)} ms`);
}

function freeAgents(bench: RoutingBench): number {
  let free = 0;
  for (let a = 0; ; a++) {
    let state;
    try {
      state = bench.engine.agentState(`agent-${a}`);
    } catch {
      return free;
    }
    if (state.status === 'available' && state.load.chat < state.capacity.chat) free += 1;
  }
}

/** One simulated moment of a busy contact center. */
function step(bench: RoutingBench, target: number): void {
  const { engine } = bench;
  const r = bench.random();
  const now = bench.now;
  if (r < 0.6) {
    const id = bench.assigned.pick(bench.random);
    if (id !== undefined) {
      bench.assigned.delete(id);
      bench.call('release', () => engine.release(id, now));
    }
  } else if (r < 0.68) {
    toggleAgent(bench);
  } else if (r < 0.73) {
    const id = bench.waiting.pick(bench.random);
    if (id !== undefined) {
      bench.waiting.delete(id);
      bench.call('abandon', () => engine.abandon(id, now));
    }
  } else if (r < 0.78) {
    transfer(bench);
  } else {
    bench.enqueue();
  }
  bench.answerOffers(0.02, 0.005);
  while (bench.waiting.size < target) {
    bench.enqueue();
    bench.answerOffers(0.02, 0.005);
  }
}

function toggleAgent(bench: RoutingBench): void {
  const now = bench.now;
  // About 5% of agents are away at any time.
  if (bench.away.size < bench.available.size / 19) {
    const id = bench.available.pick(bench.random);
    if (id === undefined) return;
    bench.available.delete(id);
    bench.away.add(id);
    bench.call('status', () => bench.engine.setAgentStatus(id, 'away', now));
  } else {
    const id = bench.away.pick(bench.random);
    if (id === undefined) return;
    bench.away.delete(id);
    bench.available.add(id);
    bench.call('status', () => bench.engine.setAgentStatus(id, 'available', now));
  }
}

function transfer(bench: RoutingBench): void {
  const id = bench.assigned.pick(bench.random);
  if (id === undefined) return;
  bench.assigned.delete(id);
  bench.waiting.add(id);
  const queueId = `q${Math.floor(bench.random() * QUEUE_COUNT)}`;
  bench.call('requeue', () => bench.engine.requeue(id, { queueId, keepPlace: true }, bench.now));
}

function measure(bench: RoutingBench, args: BenchArgs): void {
  bench.startMeasuring();
  const started = performance.now();
  let lastReport = started;
  let minWaiting = Number.POSITIVE_INFINITY;
  let maxWaiting = 0;
  for (let steps = 1; bench.decisionCount < args.decisions || performance.now() - started < args.minSeconds * 1000; steps++) {
    bench.now += STEP_MS;
    step(bench, args.waiting);
    if (steps % TICK_EVERY_STEPS === 0) bench.call('tick', () => bench.engine.tick(bench.now));
    minWaiting = Math.min(minWaiting, bench.waiting.size);
    maxWaiting = Math.max(maxWaiting, bench.waiting.size);
    if (performance.now() - lastReport > 1000) {
      lastReport = performance.now();
      progress(`${bench.decisionCount} decisions, ${bench.waiting.size} waiting, ${bench.assigned.size} assigned`);
    }
  }
  const engineWaiting = bench.engine.queueStats(bench.now).reduce((sum, queue) => sum + queue.waiting, 0);
  progress(`measured ${Math.round(performance.now() - started)} ms; waiting ranged ${minWaiting}–${maxWaiting} (engine says ${engineWaiting} now)`);
  for (const [kind, counts] of bench.callsByKind) progress(`  ${kind}: ${counts.calls} calls, ${counts.decisions} with offers, slowest ${round(counts.maxMs)} ms`);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  progress(`${args.agents} agents, target ${args.waiting} waiting, ≥${args.decisions} decisions, seed ${args.seed}`);
  const bench = new RoutingBench(args.seed);
  bench.setup(args.agents);
  fill(bench, args.waiting);
  measure(bench, args);
  const latencies = bench.latencies();
  const result = {
    waiting: args.waiting,
    agents: args.agents,
    decisions: bench.decisionCount,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? 0),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
