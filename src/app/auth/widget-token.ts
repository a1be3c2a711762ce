import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A widget's conversation token: `<conversationId>.<HMAC(tenant secret, conversationId)>`.
 * It opens exactly one conversation and needs no database row; the conversation id in it
 * is what the server trusts, never an id the client sends beside it.
 */
export function signWidgetToken(tenantSecret: string, conversationId: string): string {
  return `${conversationId}.${mac(tenantSecret, conversationId)}`;
}

export function conversationIdOfToken(token: string): string | undefined {
  const dot = token.lastIndexOf('.');
  return dot > 0 ? token.slice(0, dot) : undefined;
}

export function verifyWidgetToken(tenantSecret: string, token: string): boolean {
  const conversationId = conversationIdOfToken(token);
  if (!conversationId) return false;
  const given = Buffer.from(token.slice(conversationId.length + 1));
  const expected = Buffer.from(mac(tenantSecret, conversationId));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function mac(secret: string, conversationId: string): string {
  return createHmac('sha256', secret).update(`widget:${conversationId}`).digest('base64url');
}
