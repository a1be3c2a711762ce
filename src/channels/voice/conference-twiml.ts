import type { TwimlConference, TwimlVerb } from './twiml.js';

/** One conference room per conversation (warm transfer of a phone-line call): the name alone finds it again. */
export const consultConferenceName = (conversationId: string): string => `consult-${conversationId}`;

/**
 * The room as one participant joins it. The caller waits with the hold music and does not start it; the
 * colleague starts it. Either leaving ends it, so a caller is never left alone in a started room.
 */
export function consultConference(conversationId: string, who: { caller: true; holdMusicUrl: string } | { caller: false }): TwimlConference {
  const name = consultConferenceName(conversationId);
  if (who.caller) return { noun: 'Conference', name, startConferenceOnEnter: false, endConferenceOnExit: true, beep: false, waitUrl: who.holdMusicUrl, waitMethod: 'GET' };
  return { noun: 'Conference', name, startConferenceOnEnter: true, endConferenceOnExit: true, beep: false };
}

/** `<Dial>` into the room, then hang up when the room ends. */
export function joinConsultTwiml(conversationId: string, who: Parameters<typeof consultConference>[1]): TwimlVerb[] {
  return [{ verb: 'Dial', target: consultConference(conversationId, who) }, { verb: 'Hangup' }];
}
