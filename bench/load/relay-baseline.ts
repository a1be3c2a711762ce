import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { WebSocket } from 'ws';
import { MessageLedger } from './message-ledger.js';
import { progress } from './progress-log.js';
import { runRamped } from './ramp.js';
import { openRelayAgent, RelayCustomer } from './relay-clients.js';
import { runSaturation, type SaturationResult, type SaturationSettings } from './saturation-phase.js';
import { stopChild } from './server-process.js';
import { onShutdown } from './shutdown.js';

/**
 * The bare-relay baseline: the same number of agent and customer sockets and the same
 * saturation pattern as the Centraal run, against `bare-relay.ts` in its own process.
 * Customer i is paired with agent i mod agents, as routing spreads chats evenly.
 */
export interface RelayBaselineOptions extends SaturationSettings {
  agents: number;
  chats: number;
}

const RELAY_SCRIPT = fileURLToPath(new URL('./bare-relay.ts', import.meta.url));
const CONNECT_PER_SECOND = 2000;
const CONNECT_CONCURRENCY = 100;

export async function runRelayBaseline(options: RelayBaselineOptions): Promise<SaturationResult> {
  const relay = await startRelayProcess();
  const ledger = new MessageLedger();
  const agents: WebSocket[] = [];
  const customers: RelayCustomer[] = [];
  try {
    const wsUrl = `ws://127.0.0.1:${relay.port}/ws`;
    agents.push(...(await connectAll(options.agents, (i) => openRelayAgent(wsUrl, i, ledger))));
    customers.push(
      ...(await connectAll(options.chats, async (i) => {
        const customer = new RelayCustomer(i, ledger);
        await customer.connect(wsUrl, i % options.agents);
        return customer;
      })),
    );
    progress(`relay: ${agents.length} agents and ${customers.length} customers connected; saturating`);
    return await runSaturation('relay', customers, ledger, options);
  } finally {
    for (const customer of customers) customer.close();
    for (const agent of agents) agent.terminate();
    await relay.stop();
  }
}

async function connectAll<T>(count: number, open: (index: number) => Promise<T>): Promise<T[]> {
  const results = await runRamped(count, CONNECT_PER_SECOND, CONNECT_CONCURRENCY, open);
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) throw new Error(`relay: connection failed: ${String(failed.error)}`);
  return results.flatMap((r) => (r.ok ? [r.value] : []));
}

async function startRelayProcess(): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', RELAY_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const stop = (): Promise<void> => stopChild(child);
  onShutdown('bare relay', stop);
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare relay exited with ${code} before listening`)));
    lines.once('line', (line) => {
      const parsed: unknown = JSON.parse(line);
      const port = typeof parsed === 'object' && parsed !== null ? (parsed as { port?: unknown }).port : undefined;
      if (typeof port === 'number') resolve(port);
      else reject(new Error(`bare relay printed ${line}`));
    });
  });
  lines.close();
  return { port, stop };
}
