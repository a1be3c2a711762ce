import type { Registration } from '../../src/core/model/index.js';
import type { ConversationTable } from '../../src/storage/database.js';

/**
 * A year of helpline traffic shaped like the Kinderlijn: ~79% phone, 21% chat, quiet
 * mornings and busy afternoons and evenings, ~15% abandons of which a third are misdials
 * under 5 s, waits and handle times from log-normal distributions, and registrations from the
 * line's taxonomy with skewed topic odds. Deterministic for a given `random`.
 */
export interface TrafficShape {
  tenantId: string;
  lineId: string;
  queueId: string;
  agentIds: readonly string[];
  contactIds: readonly string[];
  /** Epoch ms of local midnight on the first day, and the number of days. */
  start: number;
  days: number;
  /** The line's UTC offset in hours, close enough for shaping the curve. */
  utcOffsetHours: number;
}

/** Relative traffic per local hour 0–23: nights low, peak 15:00–21:00. */
const HOUR_WEIGHTS = [3, 2, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 10, 13, 15, 16, 16, 15, 14, 12, 8, 5];
/** Monday first; weekends a little quieter, Wednesday afternoon (no school) busier. */
const WEEKDAY_WEIGHTS = [1.0, 1.0, 1.15, 1.0, 0.95, 0.8, 0.85];
/** Odds per answered conversation that a topic is registered (several can be). */
const TOPIC_ODDS: ReadonlyArray<[topicId: string, odds: number, subtopics: ReadonlyArray<string | null>]> = [
  ['pesten', 0.09, ['online', 'school', null]],
  ['relaties', 0.07, [null]],
  ['seksualiteit', 0.07, [null]],
  ['thuis', 0.06, [null]],
  ['lichaam', 0.05, [null]],
  ['eenzaamheid', 0.04, [null]],
  ['scheiding', 0.03, [null]],
  ['mishandeling', 0.02, [null]],
];
const PHASES: ReadonlyArray<[string, number]> = [['contact', 0.2], ['explore', 0.3], ['goal', 0.2], ['work', 0.15], ['close', 0.15]];
const NOTE_WORDS = 'kind belt over school vriendin thuis ruzie gepest online appgroep voelt zich alleen verteld ouders gescheiden wil praten'.split(' ');
const EMPTY_REGISTRATION_JSON = JSON.stringify({ topics: [], phaseId: null, wrapUpCode: null, notes: '' });

export class HelplineTraffic {
  private readonly slotCumulative: Float64Array;

  constructor(private readonly shape: TrafficShape, private readonly random: () => number) {
    this.slotCumulative = slotWeights(shape);
  }

  /** The `index`-th conversation; times are drawn independently, so order is not by time. */
  conversation(index: number): ConversationTable {
    const { shape, random } = this;
    const channel = random() < 0.79 ? 'voice' : 'chat';
    const createdAt = this.arrivalTime();
    const enqueuedAt = createdAt + Math.round((channel === 'voice' ? 20 + random() * 40 : 5 + random() * 25) * 1000);
    const base = {
      id: `cv_${index.toString(36).padStart(8, '0')}`,
      tenant_id: shape.tenantId,
      line_id: shape.lineId,
      queue_id: shape.queueId,
      contact_id: pick(shape.contactIds, random),
      channel,
      language: 'nl',
      priority: 0,
      offered_agent_id: null,
      offer_expires_at: null,
      created_at: createdAt,
      enqueued_at: enqueuedAt,
      context: '{}',
    };
    if (random() < 0.15) {
      // A third of the abandons are misdials under 5 s; the rest held on for about a minute.
      const waitSeconds = random() < 0.33 ? random() * 5 : 5 + logNormal(random, 45, 0.9);
      const closedAt = enqueuedAt + Math.round(waitSeconds * 1000);
      return { ...base, state: 'abandoned', assigned_agent_id: null, accepted_at: null, closed_at: closedAt, registration: EMPTY_REGISTRATION_JSON };
    }
    const acceptedAt = enqueuedAt + Math.round(logNormal(random, 25, 1.0) * 1000);
    const handleSeconds = channel === 'voice' ? logNormal(random, 420, 0.7) : logNormal(random, 1_100, 0.6);
    return {
      ...base,
      state: 'closed',
      assigned_agent_id: pick(shape.agentIds, random),
      accepted_at: acceptedAt,
      closed_at: acceptedAt + Math.round(handleSeconds * 1000),
      registration: JSON.stringify(this.registration()),
    };
  }

  private registration(): Registration {
    const { random } = this;
    const topics = TOPIC_ODDS.filter(([, odds]) => random() < odds).map(([topicId, , subtopics]) => ({ topicId, subtopicId: pick(subtopics, random) }));
    const prank = topics.length === 0 && random() < 0.5;
    const wrapUpCode = prank ? 'test' : random() < 0.1 ? 'doorverwezen' : 'gesprek';
    const phaseId = prank ? 'contact' : weighted(PHASES, random);
    const words = Math.floor(random() * 30);
    const notes = Array.from({ length: words }, () => pick(NOTE_WORDS, random)).join(' ');
    return { topics, phaseId, wrapUpCode, notes };
  }

  private arrivalTime(): number {
    const { shape, random } = this;
    const slot = lowerBound(this.slotCumulative, random() * (this.slotCumulative.at(-1) ?? 0));
    const localMs = slot * 3_600_000 + Math.floor(random() * 3_600_000);
    return shape.start + localMs;
  }
}

/** Cumulative weight per hour slot of the period, indexed from local midnight of day one. */
function slotWeights(shape: TrafficShape): Float64Array {
  const cumulative = new Float64Array(shape.days * 24);
  const firstWeekday = (new Date(shape.start + shape.utcOffsetHours * 3_600_000).getUTCDay() + 6) % 7;
  let total = 0;
  for (let slot = 0; slot < cumulative.length; slot++) {
    const day = Math.floor(slot / 24);
    const season = 1 + 0.15 * Math.cos(((day - 30) / 365) * 2 * Math.PI);
    total += (HOUR_WEIGHTS[slot % 24] ?? 1) * (WEEKDAY_WEIGHTS[(firstWeekday + day) % 7] ?? 1) * season;
    cumulative[slot] = total;
  }
  return cumulative;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Log-normal with the given median and shape, via Box–Muller. */
function logNormal(random: () => number, median: number, sigma: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sigma * normal);
}

function weighted(choices: ReadonlyArray<[string, number]>, random: () => number): string {
  let left = random();
  for (const [choice, weight] of choices) {
    left -= weight;
    if (left < 0) return choice;
  }
  return choices.at(-1)?.[0] ?? '';
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}
