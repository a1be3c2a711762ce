import { type ChildProcess, spawn } from 'node:child_process';
import { isHealthy } from './http-api.js';
import { progress, sleep } from './progress-log.js';

/**
 * Runs the Centraal server as a child process (`node --import tsx src/main.ts`), so server and
 * load generator never share an event loop. The child is killed on stop, on our exit and on
 * Ctrl-C; its output is forwarded to stderr and its tail kept for error reports.
 */
export interface ServerProcessOptions {
  cwd: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  /** Several nodes: the shared Redis and this node's name. */
  redisUrl?: string;
  nodeId?: string;
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

export async function startServerProcess(options: ServerProcessOptions): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.redisUrl) env.REDIS_URL = options.redisUrl;
  if (options.nodeId) env.NODE_ID = options.nodeId;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = forwardOutput(child);
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHealth(baseUrl, child, tail);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    baseUrl,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopChild(child);
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, tail: string[]): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before /health answered:\n${tail.join('\n')}`);
    }
    if (await isHealthy(baseUrl)) return;
    await sleep(200);
  }
  throw new Error(`GET ${baseUrl}/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000}s:\n${tail.join('\n')}`);
}

/** Polite SIGTERM first so the server can close its database; SIGKILL if it hangs. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

const TAIL_LINES = 40;

function forwardOutput(child: ChildProcess): string[] {
  const tail: string[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      progress(`[server] ${line.slice(0, 500)}`);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return tail;
}
