import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Db, type Repositories } from '../../src/storage/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

describe.each(testDialects())('routing leases on %s', (dialect) => {
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

  it('gives a free lease to one node, renews it with the same token, and refuses it to others', async () => {
    const first = await repos.leases.acquire('tn_a', 'node-1', 10_000);
    expect(first?.token).toBe(1);
    expect(await repos.leases.acquire('tn_a', 'node-2', 10_000)).toBeUndefined();
    const renewed = await repos.leases.acquire('tn_a', 'node-1', 10_000);
    expect(renewed?.token).toBe(1);
    expect(renewed!.expiresAt).toBeGreaterThanOrEqual(first!.expiresAt);
    expect(await repos.leases.holders()).toEqual([{ tenantId: 'tn_a', holder: 'node-1', token: 1, expired: false }]);
  });

  it('lets another node take an expired or released lease with a new token, which fences the old holder', async () => {
    await repos.leases.acquire('tn_b', 'node-1', 1);
    await new Promise((r) => setTimeout(r, 20));
    expect((await repos.leases.holders()).find((h) => h.tenantId === 'tn_b')?.expired).toBe(true);
    const taken = await repos.leases.acquire('tn_b', 'node-2', 10_000);
    expect(taken?.token).toBe(2);
    // The old holder's token is stale: its writes would be refused inside their transaction.
    expect(await repos.leases.staleTenants(new Map([['tn_b', 1]]))).toEqual(['tn_b']);
    expect(await repos.leases.staleTenants(new Map([['tn_b', 2]]))).toEqual([]);
    await repos.leases.release('tn_b', 'node-2');
    expect((await repos.leases.acquire('tn_b', 'node-1', 10_000))?.token).toBe(3);
    // Releasing someone else's lease does nothing.
    await repos.leases.release('tn_b', 'node-2');
    expect(await repos.leases.acquire('tn_b', 'node-2', 10_000)).toBeUndefined();
  });
});
