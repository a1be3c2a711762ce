/**
 * Prints the gzipped size of the built widget as one JSON line, for CI budgets:
 *   npx tsx widget/report-size.ts   →   {"widgetGzipBytes":12345,"callScriptGzipBytes":3456}
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const gzipped = (name: string) => gzipSync(readFileSync(new URL(`../dist/widget/${name}`, import.meta.url)), { level: 9 }).length;
// The call script loads only when a customer calls; chat-only visitors download the widget alone.
console.log(JSON.stringify({ widgetGzipBytes: gzipped('centraal-widget.js'), callScriptGzipBytes: gzipped('centraal-widget-call.js') }));
