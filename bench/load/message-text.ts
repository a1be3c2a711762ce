/**
 * Message texts carry the sender's clientId, so the receiving side can find the send
 * timestamp without any extra field in the wire protocol. The tail makes the frame
 * about as long as a short real chat line.
 *
 * @example
 *   steadyText('c12-3')      // 'm:c12-3 hallo, ...'
 *   replyText('c12-3')       // 're:c12-3 ...' ; the reply's ledger key is 'r-c12-3'
 *   parseMessageText('re:c12-3 ...') // { kind: 'reply', key: 'r-c12-3' }
 */
export type MessageKind = 'steady' | 'reply' | 'saturation';

const TAIL = 'hallo, ik heb een vraag over mijn bestelling van gisteren';

export function steadyText(clientId: string): string {
  return `m:${clientId} ${TAIL}`;
}

export function saturationText(clientId: string): string {
  return `s:${clientId} ${TAIL}`;
}

export function replyClientId(customerClientId: string): string {
  return `r-${customerClientId}`;
}

export function replyText(customerClientId: string): string {
  return `re:${customerClientId} dank u, ik kijk het meteen voor u na`;
}

export function parseMessageText(text: string): { kind: MessageKind; key: string; customerClientId: string } | null {
  const space = text.indexOf(' ');
  const head = space === -1 ? text : text.slice(0, space);
  const colon = head.indexOf(':');
  if (colon === -1) return null;
  const id = head.slice(colon + 1);
  switch (head.slice(0, colon)) {
    case 'm':
      return { kind: 'steady', key: id, customerClientId: id };
    case 's':
      return { kind: 'saturation', key: id, customerClientId: id };
    case 're':
      return { kind: 'reply', key: replyClientId(id), customerClientId: id };
    default:
      return null;
  }
}
