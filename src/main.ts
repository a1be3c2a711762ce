import { ConfigError, loadConfig } from './config/config.js';
import { startCentraal } from './start-centraal.js';

/** Entry point: configuration and wiring only. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const running = await startCentraal(config, { demoTraffic: process.argv.includes('--demo-traffic') }).catch((error: unknown) => {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  });
  const shutdown = (signal: string) => {
    console.log(`${signal}: draining and stopping`);
    // Whatever hangs (a stuck client, a dead database) must not keep the process from exiting.
    setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_SECONDS * 1000).unref();
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
