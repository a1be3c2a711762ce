import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { POSTGRES_FLAGS, SQLITE_FLAGS, type DialectFlags } from './dialect-flags.js';

export interface Db {
  kysely: Kysely<Database>;
  flags: DialectFlags;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Folder for `centraal.sqlite`; used when no databaseUrl is given. */
  dataDir?: string;
  databaseUrl?: string;
  /** SQLite: FULL fsyncs each commit (survives power loss); NORMAL survives process crashes. */
  synchronous?: 'FULL' | 'NORMAL';
  poolSize?: number;
}

// Epoch-millisecond columns are bigint; read them as numbers (safe below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openSqlite(options.dataDir ?? './data', options.synchronous ?? 'FULL');
}

function openSqlite(dataDir: string, synchronous: 'FULL' | 'NORMAL'): Db {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const sqlite = new SqliteDatabase(join(dir, 'centraal.sqlite'));
  // WAL lets readers run beside the writer; busy_timeout rides out a second process (tests, tools).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, flags: SQLITE_FLAGS, close: () => kysely.destroy() };
}

function openPostgres(url: string, poolSize: number): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A client that loses its server (restart, network) must not crash the process, idle or
  // checked out between two queries: the query that uses it fails instead, with a retryable
  // STORAGE_UNAVAILABLE, and the pool opens fresh connections once the server is back.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, flags: POSTGRES_FLAGS, close: () => kysely.destroy() };
}
