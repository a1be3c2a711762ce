import { z } from 'zod';

import type { Config } from '../../config/config.js';

/** An OpenAI-compatible chat completions endpoint, optional: nothing in Centraal needs it. */
export interface LlmSettings {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
}

export type LlmMessage = { role: 'system' | 'user'; content: string };

const responseSchema = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });

export class LlmUnavailable extends Error {
  constructor(readonly reason: 'timeout' | 'http' | 'network' | 'invalid', message: string) {
    super(message);
    this.name = 'LlmUnavailable';
  }
}

/**
 * One chat completion: POST {base}/chat/completions with the model and messages, aborted after
 * the timeout. Throws `LlmUnavailable` for a timeout, an HTTP error, a network error or an answer
 * that is not a chat completion; callers fall back to what they can do themselves.
 */
export async function completeChat(settings: LlmSettings, messages: LlmMessage[]): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    const response = await fetch(`${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}) },
      body: JSON.stringify({ model: settings.model, messages, temperature: 0.2 }),
      signal: controller.signal,
    });
    if (!response.ok) throw new LlmUnavailable('http', `provider answered HTTP ${response.status}`);
    const parsed = responseSchema.safeParse(await response.json());
    if (!parsed.success) throw new LlmUnavailable('invalid', 'provider answer is not a chat completion');
    return parsed.data.choices[0]!.message.content;
  } catch (error) {
    if (error instanceof LlmUnavailable) throw error;
    if (controller.signal.aborted) throw new LlmUnavailable('timeout', `provider took longer than ${settings.timeoutMs} ms`);
    throw new LlmUnavailable(error instanceof SyntaxError ? 'invalid' : 'network', String(error));
  } finally {
    clearTimeout(timer);
  }
}

/** The provider's settings from the configuration; null when no provider is configured. */
export function llmSettingsOf(config: Config): LlmSettings | null {
  if (!config.LLM_BASE_URL) return null;
  return { baseUrl: config.LLM_BASE_URL, model: config.LLM_MODEL, timeoutMs: config.LLM_TIMEOUT_MS, ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}) };
}
