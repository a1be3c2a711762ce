/**
 * The widget speaks the server's protocol; the types come from the one definition in
 * `src/realtime/protocol.ts` (type-only, so nothing of zod reaches the bundle).
 */
export type { ClientFrame, ServerFrame, WireEvent } from '../../../src/realtime/protocol.js';

/** Mirrors `MAX_MESSAGE_LENGTH` in `src/realtime/protocol.ts`; importing the value would pull zod into the bundle. */
export const MAX_MESSAGE_LENGTH = 4000;
