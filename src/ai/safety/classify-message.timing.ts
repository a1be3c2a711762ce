/**
 * Quick timing check, not a test (timings fail on busy machines): classifies 10,000 mixed
 * messages and prints one JSON line with the per-message mean, p50 and p99 in milliseconds.
 *
 * @example npx tsx src/ai/safety/classify-message.timing.ts
 */
import { classifyMessage } from './classify-message.js';

const SAMPLES = [
  'Hallo, ik heb een vraag over mijn factuur van vorige maand, het bedrag klopt niet.',
  'Bonjour, je voudrais changer l’adresse de livraison de ma carte bancaire.',
  'Hi, my card was blocked at the ATM this morning, can you help me please?',
  'wat een kankerbedrijf, ik wacht al een uur, klootzakken',
  'putain de merde, ça fait trois fois que j’appelle',
  'ik word gepest op school en ze noemen me een vieze homo, mag dat?',
  'I know where you live and I am coming to your office with a knife',
  'k a n k e r lijers, f.u.c.k you, kuuuuut',
  'ik wil een pizza bestellen hahahahaha',
  'ben ik zwanger als het condoom scheurde?',
];
const COUNT = 10_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

classifyMessage('warm-up');
const times: number[] = [];
for (let i = 0; i < COUNT; i += 1) {
  const text = `${SAMPLES[i % SAMPLES.length] ?? ''} ${i}`;
  const started = performance.now();
  classifyMessage(text);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
const round = (ms: number): number => Math.round(ms * 1000) / 1000;
console.log(JSON.stringify({ messages: COUNT, meanMs: round(mean), p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)), maxMs: round(times[times.length - 1] ?? 0) }));
