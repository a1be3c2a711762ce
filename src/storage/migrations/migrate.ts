import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from '../open-database.js';
import type { DialectFlags } from '../dialect-flags.js';
import { initialMigration } from './0001-initial.js';
import { safetyMigration } from './0002-safety.js';
import { knowledgeMigration } from './0003-knowledge.js';
import { surveysMigration } from './0004-surveys.js';
import { routingLeasesMigration } from './0010-routing-leases.js';

/** Migrations in order; each is a function of the dialect flags so one set runs on both databases. */
function migrations(flags: DialectFlags): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(flags),
    '0002-safety': safetyMigration(flags),
    '0003-knowledge': knowledgeMigration(flags),
    '0004-surveys': surveysMigration(flags),
    '0010-routing-leases': routingLeasesMigration(flags),
  };
}

export async function migrateToLatest(db: Db): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(db.flags) };
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
