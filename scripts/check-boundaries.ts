/**
 * Enforces the module boundaries of DESIGN.md: `src/core` is pure and imports nothing
 * from storage, http, realtime, channels, ai or app, and no I/O modules of Node.
 * Exits non-zero with one line per violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const CORE = join(ROOT, 'src/core');
const FORBIDDEN_LAYERS = ['storage', 'http', 'realtime', 'channels', 'ai', 'app', 'config'];
const FORBIDDEN_NODE = ['fs', 'net', 'http', 'https', 'child_process', 'dgram', 'worker_threads', 'fs/promises'];
const IMPORT = /(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

const violations: string[] = [];
for (const file of files(CORE)) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const target = match[1] ?? match[2] ?? '';
    const bare = target.replace(/^node:/, '');
    const escapes = target.startsWith('.') && !join(file, '..', target).startsWith(CORE);
    const layer = FORBIDDEN_LAYERS.find((l) => escapes && join(file, '..', target).includes(`/src/${l}/`));
    if (FORBIDDEN_NODE.includes(bare)) violations.push(`${relative(ROOT, file)}: core must not import ${target}`);
    else if (escapes) violations.push(`${relative(ROOT, file)}: core must not import ${target}${layer ? ` (${layer})` : ''}`);
    else if (!target.startsWith('.') && !['crypto', 'zod', 'vitest', 'fast-check'].includes(bare)) violations.push(`${relative(ROOT, file)}: core must not import package ${target}`);
  }
}
if (violations.length > 0) {
  console.error(`Module boundary violations:\n${violations.join('\n')}`);
  process.exit(1);
}
console.log('module boundaries: ok');
