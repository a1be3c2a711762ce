export { openDatabase, type Db, type OpenDatabaseOptions } from './open-database.js';
export { migrateToLatest } from './migrations/migrate.js';
export { createRepositories, type Repositories } from './repositories.js';
export type { DialectFlags, DialectName } from './dialect-flags.js';
export { OPEN_STATES } from './repositories/conversation.repository.js';
export type { ProcedureStep, StoredArticle } from './repositories/knowledge.repository.js';
export { createScratchPostgresDatabase } from './scratch-database.js';
export type { SurveyResponseRecord } from './repositories/survey.repository.js';
export { COMPLIMENT_SOURCES, type ComplimentRecord, type ComplimentSource } from './repositories/compliment.repository.js';
