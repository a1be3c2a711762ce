import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../dialect-flags.js';

/**
 * The registration JSON without its `notes`, read inside the database: the free-text notes
 * are most of the column's bytes on a helpline, and a report never shows them. What is left
 * (topics, phase, wrap-up code) takes few distinct values, so the reader can parse each
 * distinct text once.
 *
 * The two spellings live in this one table, keyed by dialect, until `DialectFlags` grows a
 * JSON accessor.
 */
const REGISTRATION_WITHOUT_NOTES: Record<DialectName, () => RawBuilder<string | null>> = {
  sqlite: () => sql<string | null>`json_remove(registration, '$.notes')`,
  postgres: () => sql<string | null>`(registration::jsonb - 'notes')::text`,
};

export function registrationWithoutNotes(dialect: DialectName): RawBuilder<string | null> {
  return REGISTRATION_WITHOUT_NOTES[dialect]();
}
