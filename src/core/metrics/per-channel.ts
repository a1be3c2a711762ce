import type { Channel } from '../model/index.js';

/**
 * One value per channel. The keys are spelled out, not mapped from `CHANNELS`, so that a
 * channel added to the model fails to compile here instead of silently missing from reports.
 */
export function perChannel<T>(make: (channel: Channel) => T): Record<Channel, T> {
  return { chat: make('chat'), voice: make('voice'), email: make('email'), whatsapp: make('whatsapp') };
}
