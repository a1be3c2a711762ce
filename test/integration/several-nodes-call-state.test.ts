import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient, WidgetClient } from '../support/api-client.js';
import { startTestNodes, type TestNodes } from '../support/cluster-nodes.js';
import type { Frame, FrameSocket } from '../support/frame-socket.js';

/**
 * A routing-lease takeover on two nodes: the holder (node 0) stops while a caller waits in the IVR
 * and a warm transfer's consultation is open; node 1 takes the tenant over, re-arms the caller's
 * silence timer from the database and carries on with both.
 */
const BANK = 'ln_bankzuid';
const signalFor = (conversationId: string, t: string) => (f: Frame) => f.t === t && f.conversationId === conversationId;
const promptWith = (text: string) => (e: Record<string, unknown>) => String((e.data as { text: string }).text).includes(text);

async function until(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Requests during the takeover are refused as retryable (TENANT_MOVING): try again until the new holder answers. */
async function retrying(socket: FrameSocket, frame: Record<string, unknown>): Promise<Frame> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await socket.request(frame);
    } catch (error) {
      if (!String(error).includes('TENANT_MOVING') || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

describe('browser calls across a routing-lease takeover', () => {
  let cluster: TestNodes;
  let tenantId: string;
  const sockets: FrameSocket[] = [];
  const url = (i: number) => cluster.nodes[i]!.url;
  const track = async (socket: Promise<FrameSocket>) => {
    const opened = await socket;
    sockets.push(opened);
    return opened;
  };

  beforeAll(async () => {
    cluster = await startTestNodes(2);
    tenantId = cluster.nodes[0]!.app.deps.directory.line(BANK).tenantId;
    expect(await cluster.holderIndex(tenantId)).toBe(0);
  });

  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await cluster?.stop();
  });

  it('the new holder continues the IVR from the same menu and completes the open consultation', async () => {
    // A warm transfer on its way: Thomas talks with a customer and consults Camille (both on node 1).
    const thomas = await StaffClient.login(url(1), 'thomas@contactpunt.example');
    const thomasSocket = await track(thomas.socket());
    await thomasSocket.request({ t: 'status.set', status: 'available' });
    const chat = await WidgetClient.start(url(1), BANK, { language: 'nl', visitorId: 'cluster-state-0001' });
    const chatSocket = await track(chat.socket());
    await thomasSocket.next(signalFor(chat.conversationId, 'offer'), 10_000, 'offer');
    await thomasSocket.request({ t: 'offer.accept', conversationId: chat.conversationId });
    await chatSocket.event('conversation.assigned');
    await chatSocket.request({ t: 'call.start', conversationId: chat.conversationId });
    await thomasSocket.event('call.ringing', (e) => e.conversationId === chat.conversationId);
    await thomasSocket.request({ t: 'call.answered', conversationId: chat.conversationId });
    const camille = await StaffClient.login(url(1), 'camille@contactpunt.example');
    const camilleSocket = await track(camille.socket());
    await camilleSocket.request({ t: 'status.set', status: 'available' });
    await thomasSocket.request({ t: 'call.transfer', conversationId: chat.conversationId, step: 'consult', toAgentId: 'us_camille' });
    await camilleSocket.next(signalFor(chat.conversationId, 'call.consult'));

    // A caller in the IVR, at the menu, on node 1; the position is kept on the holder.
    const caller = await WidgetClient.start(url(1), BANK, { channel: 'voice', language: 'nl', visitorId: 'cluster-state-0002' });
    const id = caller.conversationId;
    const socket = await track(caller.socket());
    await socket.event('ivr.prompt', promptWith('Voor Nederlands, druk 1.'));
    await socket.request({ t: 'call.dtmf', conversationId: id, digits: '1' });
    await socket.event('ivr.prompt', promptWith('andere vraag'));
    expect(cluster.nodes[0]!.app.deps.calls.get(id)?.ivr).toMatchObject({ waitingAt: 'menu' });
    expect(cluster.nodes[1]!.app.deps.calls.get(id)).toBeUndefined();

    await cluster.stopNode(0);
    await until('node 1 to take the routing lease', async () => (await cluster.holderIndex(tenantId)) === 1 && cluster.nodes[1]!.app.deps.routing.runs(tenantId), 10_000);
    // Taking over re-armed the caller's silence timer from the stored deadline.
    await until('the IVR timer on node 1', () => cluster.nodes[1]!.app.deps.calls.get(id)?.ivrTimer !== undefined, 5000);

    // Completed first: the queued caller would otherwise ring Camille and fill her voice capacity.
    await retrying(thomasSocket, { t: 'call.transfer', conversationId: chat.conversationId, step: 'complete' });
    await camilleSocket.next(signalFor(chat.conversationId, 'offer'));
    await camilleSocket.request({ t: 'offer.accept', conversationId: chat.conversationId });
    expect((await chatSocket.event('call.answered', (e) => (e.data as { agentName?: string }).agentName === 'Camille')).data).toEqual({ agentName: 'Camille' });

    await retrying(socket, { t: 'call.dtmf', conversationId: id, digits: '2' });
    await socket.event('conversation.queued');
    const events = await cluster.nodes[1]!.app.deps.repos.events.listAfter(id, 0, 1000);
    expect(events.filter((e) => e.type === 'ivr.input').map((e) => e.data).at(-1)).toEqual({ nodeId: 'menu', event: 'chose', choice: '2' });
    expect(events.filter((e) => e.type === 'ivr.input' && e.data.nodeId === 'language')).toHaveLength(1);
  });
});
