import type { Registration } from '../api/api-types.js';

/**
 * Registration saves still on their way to the server, per conversation. The wrap-up select shows
 * the server's answer, so an agent who picks a code and presses "close" at once (or a busy server)
 * would otherwise close with the code not yet known to the page. Closing waits for this instead.
 */
const latest = new Map<string, Promise<Registration | undefined>>();

/** Remembers a save; the registration of the last started save that succeeded wins. */
export function trackRegistrationSave(conversationId: string, save: Promise<Registration>): Promise<Registration> {
  const previous = latest.get(conversationId) ?? Promise.resolve(undefined);
  latest.set(
    conversationId,
    Promise.allSettled([previous, save]).then(([before, now]) => (now.status === 'fulfilled' ? now.value : before.status === 'fulfilled' ? before.value : undefined)),
  );
  return save;
}

/** The registration after every save started so far has settled; undefined when none succeeded. */
export function settledRegistration(conversationId: string): Promise<Registration | undefined> {
  return latest.get(conversationId) ?? Promise.resolve(undefined);
}

/** The conversation left the desk: nothing to wait for any more. */
export function forgetRegistrationSaves(conversationId: string): void {
  latest.delete(conversationId);
}
