import type { Language, LocalizedText } from './channel.js';

/**
 * A line's IVR flow for calls, as JSON in the line's settings. The shape follows the IVR engine's
 * flow schema (`{languages, defaultLanguage, start, nodes}`); the browser call runs the node
 * types listed here.
 */
export type VoiceIvrNode =
  | { type: 'message'; prompt: LocalizedText; next: string }
  | { type: 'menu'; prompt: LocalizedText; choices: Record<string, string>; timeoutSeconds?: number; maxRetries?: number; invalidPrompt?: LocalizedText; fallback: string }
  | { type: 'set'; skills?: string[]; priority?: number; next: string }
  | { type: 'enqueue'; queueId?: string; prompt?: LocalizedText }
  | { type: 'hangup'; prompt?: LocalizedText };

export interface VoiceIvrFlow {
  languages: Language[];
  defaultLanguage: Language;
  start: string;
  nodes: Record<string, VoiceIvrNode>;
}
