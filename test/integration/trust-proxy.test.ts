import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/databases.js';
import { startInProcess, type InProcessServer } from '../support/in-process-server.js';

const START = '/api/widget/v1/lines/ln_bankzuid/conversations';

/** A widget start without visitorId: the contact is keyed by the caller's address (request.ip). */
async function startFrom(server: InProcessServer, socketAddress: string, forwardedFor?: string) {
  const response = await server.inject({
    method: 'POST',
    url: START,
    remoteAddress: socketAddress,
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    payload: { language: 'nl' },
  });
  const conversationId = response.statusCode === 201 ? response.json<{ conversationId: string }>().conversationId : undefined;
  return { status: response.statusCode, conversationId };
}

/** The address the server took as the client's, as stored on the contact of that conversation. */
async function clientAddressOf(server: InProcessServer, conversationId: string): Promise<string | null> {
  const row = await server.running.db.kysely
    .selectFrom('conversations')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .select(['contacts.identifier_kind', 'contacts.identifier'])
    .where('conversations.id', '=', conversationId)
    .executeTakeFirstOrThrow();
  expect(row.identifier_kind).toBe('ip');
  return row.identifier;
}

/** Opens a conversation as a supervisor, from behind the proxy, and reads the audit entry's address. */
async function auditedAddress(server: InProcessServer, conversationId: string, socketAddress: string, forwardedFor: string) {
  const marleen = await server.login('marleen@contactpunt.example');
  const opened = await server.inject({
    method: 'GET',
    url: `/api/conversations/${conversationId}`,
    remoteAddress: socketAddress,
    headers: { cookie: marleen.cookie, 'x-csrf-token': marleen['x-csrf-token'], 'x-forwarded-for': forwardedFor },
  });
  expect(opened.statusCode, opened.body).toBe(200);
  const karim = await server.login('karim@contactpunt.example');
  const audit = await server.as(karim, 'GET', `/api/security/audit?action=conversation.opened&targetId=${conversationId}`);
  const entries = audit.json<{ entries: Array<{ ip: string | null }> }>().entries;
  expect(entries).toHaveLength(1);
  return entries[0]!.ip;
}

describe.each(testDialects())('X-Forwarded-For from a trusted proxy (TRUST_PROXY list) on %s', (dialect) => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startInProcess(dialect, { TRUST_PROXY: '127.0.0.1, 10.0.0.0/8', WIDGET_STARTS_PER_MINUTE: '2' });
  });
  afterAll(async () => server?.stop());

  it('takes the client address from the header a listed proxy sends', async () => {
    const started = await startFrom(server, '10.1.2.3', '203.0.113.5');
    expect(started.status).toBe(201);
    expect(await clientAddressOf(server, started.conversationId!)).toBe('203.0.113.5');
    expect(await auditedAddress(server, started.conversationId!, '10.1.2.3', '198.51.100.23')).toBe('198.51.100.23');
  });

  it('limits each client behind the proxy on its own, not the proxy as a whole', async () => {
    expect((await startFrom(server, '10.1.2.3', '203.0.113.5')).status).toBe(201);
    // The third start of the same client within the minute is refused …
    expect((await startFrom(server, '10.9.9.9', '203.0.113.5')).status).toBe(429);
    // … while other clients behind the same proxies still get through.
    expect((await startFrom(server, '10.1.2.3', '203.0.113.6')).status).toBe(201);
    expect((await startFrom(server, '127.0.0.1', '203.0.113.7')).status).toBe(201);
  });

  it('ignores the header from an address that is not a listed proxy (no spoofing)', async () => {
    const started = await startFrom(server, '192.0.2.44', '203.0.113.99');
    expect(started.status).toBe(201);
    expect(await clientAddressOf(server, started.conversationId!)).toBe('192.0.2.44');
    // Rotating the header does not give a direct client new quota.
    expect((await startFrom(server, '192.0.2.44', '203.0.113.100')).status).toBe(201);
    expect((await startFrom(server, '192.0.2.44', '203.0.113.101')).status).toBe(429);
  });
});

describe.each(testDialects())('X-Forwarded-For without TRUST_PROXY on %s', (dialect) => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startInProcess(dialect, { WIDGET_STARTS_PER_MINUTE: '2' });
  });
  afterAll(async () => server?.stop());

  it('ignores the header everywhere: contact, audit log and rate limit see the socket address', async () => {
    const started = await startFrom(server, '10.1.2.3', '203.0.113.5');
    expect(started.status).toBe(201);
    expect(await clientAddressOf(server, started.conversationId!)).toBe('10.1.2.3');
    expect(await auditedAddress(server, started.conversationId!, '10.1.2.3', '198.51.100.23')).toBe('10.1.2.3');
    expect((await startFrom(server, '10.1.2.3', '203.0.113.6')).status).toBe(201);
    expect((await startFrom(server, '10.1.2.3', '203.0.113.7')).status).toBe(429);
  });
});

describe.each(testDialects())('X-Forwarded-For with a hop count (TRUST_PROXY=1) on %s', (dialect) => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startInProcess(dialect, { TRUST_PROXY: '1' });
  });
  afterAll(async () => server?.stop());

  it('trusts only the entry the nearest proxy added, not what the client wrote before it', async () => {
    const started = await startFrom(server, '10.1.2.3', '6.6.6.6, 203.0.113.8');
    expect(started.status).toBe(201);
    expect(await clientAddressOf(server, started.conversationId!)).toBe('203.0.113.8');
  });
});
