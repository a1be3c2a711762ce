/**
 * Prints the gzipped size of the built widget as one JSON line, for CI budgets:
 *   npx tsx widget/report-size.ts   →   {"widgetGzipBytes":12345}
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = new URL('../dist/widget/centraal-widget.js', import.meta.url);
const bytes = gzipSync(readFileSync(file), { level: 9 }).length;
console.log(JSON.stringify({ widgetGzipBytes: bytes }));
