import type { ColumnDefinitionBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/**
 * Everything that differs between SQLite and PostgreSQL, in one place
 * (as kysely's own adapters do with `supportsReturning`), so no `if (sqlite)` spreads.
 */
export interface DialectFlags {
  name: DialectName;
  /** SQLite's rowid alias must be exactly `integer`; PostgreSQL wants 64 bits. */
  autoIncrementType: 'integer' | 'bigint';
  autoIncrement(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** `select … for update skip locked` exists on PostgreSQL only; SQLite has one writer anyway. */
  supportsRowLocks: boolean;
  /** SQLite limits bound parameters per statement (32,766 since 3.32). */
  maxParameters: number;
}

export const SQLITE_FLAGS: DialectFlags = {
  name: 'sqlite',
  autoIncrementType: 'integer',
  autoIncrement: (c) => c,
  supportsRowLocks: false,
  maxParameters: 32_000,
};

export const POSTGRES_FLAGS: DialectFlags = {
  name: 'postgres',
  autoIncrementType: 'bigint',
  autoIncrement: (c) => c.generatedByDefaultAsIdentity(),
  supportsRowLocks: true,
  maxParameters: 65_000,
};
