import { loadConfig } from '../../src/config/config.js';
import { startCentraal, type RunningCentraal } from '../../src/start-centraal.js';
import type { DialectName } from '../../src/storage/index.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export interface TestServer {
  url: string;
  running: RunningCentraal;
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * Centraal in-process on a free loopback port, with the demo tenant, on a fresh database.
 * Bank Zuid's customer bot is off unless a test passes DEMO_CUSTOMER_BOT: 'true', so chats queue at once.
 */
export async function startTestServer(dialect: DialectName, env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SQLITE_SYNCHRONOUS: 'NORMAL', DEMO_CUSTOMER_BOT: 'false', ...env });
  const running = await startCentraal(config, { quiet: true });
  return {
    url: running.url,
    running,
    database,
    async stop() {
      await running.stop();
      await database.destroy();
    },
  };
}
