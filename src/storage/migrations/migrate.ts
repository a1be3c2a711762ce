import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from '../open-database.js';
import type { DialectFlags } from '../dialect-flags.js';
import { initialMigration } from './0001-initial.js';
import { safetyMigration } from './0002-safety.js';
import { knowledgeMigration } from './0003-knowledge.js';
import { surveysMigration } from './0004-surveys.js';
import { channelsMigration } from './0005-channels.js';
import { voiceMigration } from './0006-voice.js';
import { qualityMigration } from './0007-quality.js';
import { hardeningMigration } from './0008-hardening.js';
import { botTrainingMigration } from './0009-bot-training.js';
import { routingLeasesMigration } from './0010-routing-leases.js';
import { callStatesMigration } from './0011-call-states.js';
import { configVersionsMigration } from './0012-config-versions.js';
import { articleVersionsMigration } from './0013-article-versions.js';
import { campaignConversationsMigration } from './0016-campaign-conversations.js';
import { phoneConsultMigration } from './0017-phone-consult.js';
import { whatsappMediaMigration } from './0019-whatsapp-media.js';

/** Migrations in order; each is a function of the dialect flags so one set runs on both databases. (Exported for upgrade tests.) */
export function migrations(flags: DialectFlags): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(flags),
    '0002-safety': safetyMigration(flags),
    '0003-knowledge': knowledgeMigration(flags),
    '0004-surveys': surveysMigration(flags),
    '0005-channels': channelsMigration(flags),
    '0006-voice': voiceMigration(flags),
    '0007-quality': qualityMigration(flags),
    '0008-hardening': hardeningMigration(flags),
    '0009-bot-training': botTrainingMigration(flags),
    '0010-routing-leases': routingLeasesMigration(flags),
    '0011-call-states': callStatesMigration(flags),
    '0012-config-versions': configVersionsMigration(flags),
    '0013-article-versions': articleVersionsMigration(flags),
    '0016-campaign-conversations': campaignConversationsMigration(flags),
    '0017-phone-consult': phoneConsultMigration(flags),
    '0019-whatsapp-media': whatsappMediaMigration(flags),
  };
}

/** The names of every migration, in order (readiness checks that all of them ran). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations({} as DialectFlags));

export async function migrateToLatest(db: Db): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(db.flags) };
  // Branches add numbered migrations in parallel; a database that already ran a later number must still accept an earlier one.
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
