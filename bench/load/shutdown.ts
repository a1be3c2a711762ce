import { progress } from './progress-log.js';

/**
 * Cleanup steps (kill children, remove temp dirs) registered as resources are created, run
 * once in reverse order: on normal completion, on failure and on Ctrl-C.
 */
type Cleanup = { name: string; run: () => void | Promise<void> };

const cleanups: Cleanup[] = [];
let running: Promise<void> | null = null;

export function onShutdown(name: string, run: () => void | Promise<void>): void {
  cleanups.push({ name, run });
}

export function runShutdown(): Promise<void> {
  running ??= (async () => {
    while (cleanups.length > 0) {
      const cleanup = cleanups.pop();
      if (!cleanup) break;
      try {
        await cleanup.run();
      } catch (error) {
        progress(`cleanup "${cleanup.name}" failed: ${String(error)}`);
      }
    }
  })();
  return running;
}

/**
 * Ctrl-C must not leave a server or relay child running, nor a temp DATA_DIR behind.
 * `on`, not `once`: under `npm run` + tsx the signal arrives twice (from the terminal and
 * relayed by tsx), and with no listener left the second one would end us mid-cleanup.
 */
export function installSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (running) return;
      progress(`${signal}: stopping`);
      void runShutdown().finally(() => process.exit(130));
    });
  }
}

export function isShuttingDown(): boolean {
  return running !== null;
}
