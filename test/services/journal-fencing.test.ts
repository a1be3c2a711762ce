import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../src/app/journal.js';
import type { TenantOwnership } from '../../src/app/tenant-ownership.js';
import type { ConversationEvent } from '../../src/core/model/index.js';
import { createRepositories, type Db, type Repositories } from '../../src/storage/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

/** A node's view of its leases, as the LeaseKeeper gives it. */
function holding(tokens: Record<string, number>): TenantOwnership {
  return { clustered: true, serves: (t) => t in tokens, token: (t) => tokens[t] };
}

describe.each(testDialects())('journal fencing on %s', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  let repos: Repositories;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await database.open();
    repos = createRepositories(db);
    await repos.tenants.insert({ id: 'tn_f', name: 'Fenced', secret: 'x'.repeat(43) }, Date.now());
  });

  afterAll(async () => {
    await db?.close();
    await database?.destroy();
  });

  const event = (seq: number): ConversationEvent => ({
    tenantId: 'tn_f',
    conversationId: 'cv_fenced',
    seq,
    type: 'note.created',
    visibility: 'internal',
    actor: { kind: 'system' },
    data: { text: `event ${seq}` },
    at: Date.now(),
    clientId: null,
  });

  it('commits while the lease token is current and refuses, storing nothing, once another node took over', async () => {
    const first = await repos.leases.acquire('tn_f', 'node-1', 1);
    const oldHolder = new Journal(db, repos, undefined, holding({ tn_f: first!.token }));
    await oldHolder.write({ events: [event(1)] });

    await new Promise((r) => setTimeout(r, 20));
    const second = await repos.leases.acquire('tn_f', 'node-2', 10_000);
    expect(second!.token).toBe(first!.token + 1);
    await expect(oldHolder.write({ events: [event(2)] })).rejects.toMatchObject({ code: 'TENANT_MOVING', status: 503, retryable: true });

    const newHolder = new Journal(db, repos, undefined, holding({ tn_f: second!.token }));
    await newHolder.write({ events: [event(2)] });
    const stored = await repos.events.listAfter('cv_fenced', 0, 10);
    expect(stored.map((e) => e.data.text)).toEqual(['event 1', 'event 2']);
  });

  it('refuses a tenant this node holds no lease for without touching the database', async () => {
    const journal = new Journal(db, repos, undefined, holding({}));
    await expect(journal.write({ events: [event(3)] })).rejects.toMatchObject({ code: 'TENANT_MOVING' });
    expect(await repos.events.lastSeq('cv_fenced')).toBe(2);
  });
});
