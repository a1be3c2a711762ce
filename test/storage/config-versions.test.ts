import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Db, type Repositories } from '../../src/storage/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

describe.each(testDialects())('configuration counters on %s', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  let repos: Repositories;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await database.open();
    repos = createRepositories(db);
  });

  afterAll(async () => {
    await db?.close();
    await database?.destroy();
  });

  it('starts a tenant at 1, raises it by one per change, and keeps tenants apart', async () => {
    expect(await repos.configVersions.all()).toEqual(new Map());
    expect(await repos.configVersions.bump('tn_a', 1000)).toBe(1);
    expect(await repos.configVersions.bump('tn_a', 2000)).toBe(2);
    expect(await repos.configVersions.bump('tn_b', 2000)).toBe(1);
    expect(await repos.configVersions.all()).toEqual(new Map([['tn_a', 2], ['tn_b', 1]]));
  });

  it('loses no raise when many nodes raise at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => repos.configVersions.bump('tn_c', 3000)));
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await repos.configVersions.all()).get('tn_c')).toBe(20);
  });
});
