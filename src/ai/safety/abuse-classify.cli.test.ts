import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./abuse-classify.cli.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

function runCli(input: Buffer | string): Promise<{ lines: string[]; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ lines: Buffer.concat(out).toString('utf8').split('\n').filter((l) => l !== ''), code, stderr }));
    child.stdin.end(input);
  });
}

describe('abuse-classify CLI', () => {
  it('writes one JSON line per input line, in order', async () => {
    const { lines, code } = await runCli('ik maak je af\nhallo, mijn factuur klopt niet\nmerde\n');
    expect(code).toBe(0);
    expect(lines.map((line) => (JSON.parse(line) as { label: string }).label)).toEqual(['threat', 'ok', 'swearing']);
    expect(JSON.parse(lines[0] ?? '{}')).toHaveProperty('score', 0.95);
  });

  it('still writes a JSON line for empty, binary and megabyte-long lines', async () => {
    const binary = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x80, 0x0a]);
    const input = Buffer.concat([Buffer.from('\n'), binary, Buffer.from(`${'x'.repeat(1_048_576)}\nkut\n`)]);
    const { lines, code } = await runCli(input);
    expect(code).toBe(0);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect((JSON.parse(lines[3] ?? '{}') as { label: string }).label).toBe('swearing');
  });

  it('streams a pipe of 100,000 lines', async () => {
    const input = 'hallo, ik heb een vraag over mijn factuur\nwat een kutbedrijf\n'.repeat(50_000);
    const { lines, code } = await runCli(input);
    expect(code).toBe(0);
    expect(lines).toHaveLength(100_000);
    expect((JSON.parse(lines[99_999] ?? '{}') as { label: string }).label).toBe('swearing');
  });
});
