import { afterAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';
import { spawnServer, type ServerProcess } from '../support/server-process.js';

const BANK = 'ln_bankzuid';
const textOf = (e: Record<string, unknown>) => (e.data as { text: string }).text;
const byAgent = (e: Record<string, unknown>) => (e.actor as { kind: string }).kind === 'agent';

describe.each(testDialects())('reconnecting and restarting on %s', (dialect) => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await database?.destroy();
  });

  async function assignedConversation(url: string) {
    const agent = await StaffClient.login(url, 'thomas@contactpunt.example');
    const agentSocket = await agent.socket();
    await agentSocket.request({ t: 'status.set', status: 'available' });
    const customer = await WidgetClient.start(url, BANK, { language: 'en', visitorId: 'visitor-en-restart-1' });
    const offer = await agentSocket.next((f) => f.t === 'offer' && f.conversationId === customer.conversationId);
    await agentSocket.request({ t: 'offer.accept', conversationId: offer.conversationId });
    return { agent, agentSocket, customer };
  }

  it('gives a reconnecting customer exactly the messages it missed, then survives SIGKILL without losing an acknowledged message', async () => {
    database = await createTestDatabase(dialect);
    server = await spawnServer({ ...database.env, SQLITE_SYNCHRONOUS: 'FULL' });
    const { agent, agentSocket, customer } = await assignedConversation(server.url);

    // 1. The customer's socket drops; the agent writes meanwhile; the customer resumes by seq.
    let customerSocket = await customer.socket();
    await customerSocket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'hello?' });
    await agentSocket.request({ t: 'message.send', conversationId: customer.conversationId, text: 'hi, one moment' });
    const seen = await customerSocket.event('message.created', byAgent);
    await customerSocket.close();
    const missed = ['missed 1', 'missed 2', 'missed 3'];
    const missedSeqs: number[] = [];
    for (const text of missed) missedSeqs.push((await agentSocket.request({ t: 'message.send', conversationId: customer.conversationId, text })).seq as number);

    customerSocket = await customer.socket(seen.seq as number);
    const resumed = [];
    for (let i = 0; i < missed.length; i++) resumed.push(await customerSocket.event('message.created'));
    expect(resumed.map(textOf)).toEqual(missed);
    expect(resumed.map((e) => e.seq)).toEqual(missedSeqs);
    await new Promise((r) => setTimeout(r, 200));
    const extra = customerSocket.frames.filter((f) => f.t === 'event');
    expect(extra).toEqual([]); // exactly the missed ones, no repeats

    // 2. A resume frame on an open socket replays from the given seq too.
    customerSocket.send({ t: 'resume', conversationId: customer.conversationId, afterSeq: missedSeqs[1] });
    expect(textOf(await customerSocket.event('message.created'))).toBe('missed 3');

    // 3. Acknowledged messages from both sides, then kill -9 while more are in flight.
    const acked = new Map<number, string>();
    for (let i = 0; i < 30; i++) {
      const fromCustomer = i % 2 === 0;
      const socket = fromCustomer ? customerSocket : agentSocket;
      const text = `${fromCustomer ? 'customer' : 'agent'} message ${i}`;
      const ack = await socket.request({ t: 'message.send', conversationId: customer.conversationId, text });
      acked.set(ack.seq as number, text);
    }
    for (let i = 0; i < 20; i++) customerSocket.send({ t: 'message.send', conversationId: customer.conversationId, clientId: `inflight-${i}`, text: `in flight ${i}` });
    const lateAcks = customerSocket.next((f) => f.t === 'ack' && String(f.clientId).startsWith('inflight-'), 2000).catch(() => undefined);
    const late = await lateAcks;
    await server.kill('SIGKILL');
    if (late) acked.set(late.seq as number, `in flight ${String(late.clientId).split('-')[1]}`);

    // Same port, so the clients (and their cookie and token) simply come back.
    server = await spawnServer({ ...database.env }, Number(new URL(server.url).port));
    const after = await agent.request<{ events: Array<{ seq: number; type: string; data: { text?: string } }> }>('GET', `/api/conversations/${customer.conversationId}/events?after=0`);
    expect(after.status).toBe(200);
    const stored = new Map(after.body.events.map((e) => [e.seq, e.data.text]));
    for (const [seq, text] of acked) expect(stored.get(seq)).toBe(text);
    expect(after.body.events.map((e) => e.seq)).toEqual(after.body.events.map((_, i) => i + 1));

    // 4. The conversation is still assigned after the restart: both sides go on talking.
    const agentAgain = await agent.socket();
    const customerAgain = await customer.socket(after.body.events.at(-1)!.seq);
    await customerAgain.request({ t: 'message.send', conversationId: customer.conversationId, text: 'are you still there?' });
    expect(textOf(await agentAgain.event('message.created', (e) => textOf(e) === 'are you still there?'))).toBe('are you still there?');
    await agentAgain.request({ t: 'message.send', conversationId: customer.conversationId, text: 'yes' });
    expect(textOf(await customerAgain.event('message.created', byAgent))).toBe('yes');
    await agentAgain.close();
    await customerAgain.close();
  });
});
