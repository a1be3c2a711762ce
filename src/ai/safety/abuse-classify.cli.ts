/**
 * Reads messages from stdin, one per line, and writes one JSON line per message, in order:
 * `{"label":"swearing","score":0.75,"categories":{...},"evidence":[...],"careSignals":[]}`.
 * Streams with back-pressure, so a pipe of a million lines runs in constant memory, and never
 * stops on odd input: an empty, binary or megabyte-long line still gets its JSON line.
 *
 * @example printf 'ik maak je af\nhallo\n' | npm run -s abuse:classify
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { classifyMessage } from './classify-message.js';
import type { Classification } from './safety.types.js';

const MAX_EVIDENCE = 20;

function lineFor(text: string): string {
  let result: Classification;
  try {
    result = classifyMessage(text);
  } catch (error) {
    // A bug in one rule must not stop the stream: say so on this line and go on.
    return JSON.stringify({ label: 'ok', score: 0, error: error instanceof Error ? error.message : String(error) });
  }
  const { label, score, categories, careSignals, language } = result;
  return JSON.stringify({ label, score, categories, careSignals, language, evidence: result.evidence.slice(0, MAX_EVIDENCE) });
}

async function main(): Promise<void> {
  // A reader that stops early (`| head`) closes the pipe: that is the end, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!process.stdout.write(`${lineFor(line)}\n`)) await once(process.stdout, 'drain');
  }
}

await main();
