import { type RawData, type WebSocket, WebSocketServer } from 'ws';

/**
 * The baseline: the least a realtime chat server must do. No auth, no validation, no storage,
 * no routing: a customer socket (`?side=c&pair=K&id=X`) is paired with agent socket K
 * (`?side=a&pair=K`); every frame goes to the peer unchanged and the sender gets an ack.
 * The one JSON.parse per frame is there because an ack must name the clientId; Centraal
 * parses every frame too.
 *
 * Run as a child process: prints `{"port":N}` on stdout once listening and exits when its
 * stdin closes, so it can never outlive the bench.
 *
 * @example
 *   node --import tsx bench/load/bare-relay.ts
 */
const agentsByPair = new Map<string, WebSocket>();
const customersById = new Map<string, WebSocket>();
const seqByConversation = new Map<string, number>();

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/ws', perMessageDeflate: false });

server.on('connection', (ws, request) => {
  const query = new URL(request.url ?? '/', 'http://relay').searchParams;
  const pair = query.get('pair') ?? '';
  const isAgent = query.get('side') === 'a';
  const customerId = query.get('id') ?? '';
  if (isAgent) agentsByPair.set(pair, ws);
  else customersById.set(customerId, ws);
  ws.on('message', (data, isBinary) => {
    const frame = readFrame(data);
    const peer = isAgent ? customersById.get(frame.conversationId) : agentsByPair.get(pair);
    peer?.send(data, { binary: isBinary });
    acknowledge(ws, frame);
  });
  ws.on('close', () => {
    if (isAgent && agentsByPair.get(pair) === ws) agentsByPair.delete(pair);
    if (!isAgent && customersById.get(customerId) === ws) customersById.delete(customerId);
  });
  ws.send(JSON.stringify({ t: 'hello', role: isAgent ? 'agent' : 'customer', serverTime: new Date().toISOString() }));
});

function acknowledge(sender: WebSocket, frame: { clientId: string; conversationId: string }): void {
  if (!frame.clientId) return;
  const seq = (seqByConversation.get(frame.conversationId) ?? 0) + 1;
  seqByConversation.set(frame.conversationId, seq);
  sender.send(JSON.stringify({ t: 'ack', clientId: frame.clientId, conversationId: frame.conversationId, seq }));
}

function readFrame(data: RawData): { clientId: string; conversationId: string } {
  try {
    const value: unknown = JSON.parse(data.toString());
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const clientId = typeof record.clientId === 'string' ? record.clientId : '';
    const conversationId = typeof record.conversationId === 'string' ? record.conversationId : '';
    return { clientId, conversationId };
  } catch {
    return { clientId: '', conversationId: '' };
  }
}

server.on('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

const shutdown = (): void => {
  for (const client of server.clients) client.terminate();
  server.close(() => process.exit(0));
};
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
