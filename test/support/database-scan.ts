import type { Db } from '../../src/storage/index.js';

export interface Finding {
  table: string;
  column: string;
  needle: string;
}

/**
 * Looks through every column of every row of every table (found by introspection, so tables
 * added later are included) for each needle. Needles should be plain ASCII: JSON text columns
 * would hide escaped characters.
 */
export async function findInDatabase(db: Db, needles: readonly string[]): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const table of await db.kysely.introspection.getTables()) {
    if (table.name.startsWith('kysely_')) continue;
    const rows = await db.kysely.selectFrom(table.name as never).selectAll().execute();
    for (const row of rows as Array<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const text = typeof value === 'string' ? value : String(value);
        for (const needle of needles) if (text.includes(needle)) found.push({ table: table.name, column, needle });
      }
    }
  }
  return found;
}
