import { TALKING_STATES } from '../../core/conversation/lifecycle.js';
import type { Agent } from '../../core/model/index.js';
import { errors } from '../app.errors.js';
import { assertAssigned, assertOpen } from '../conversation/access.js';
import type { ServiceDeps } from '../deps.js';
import { channelErrors } from './channel.errors.js';

export interface SendTemplateInput {
  conversationId: string;
  clientId: string;
  name: string;
  parameters: string[];
}

/**
 * The agent sends one of the line's approved templates (the only thing WhatsApp allows outside
 * the 24-hour window). The log holds the filled-in text, so the transcript reads naturally; the
 * outbox sends the template by name and parameters.
 */
export async function sendTemplate(deps: ServiceDeps, agent: Agent, input: SendTemplateInput): Promise<{ seq: number; duplicate: boolean }> {
  return deps.live.withConversation(input.conversationId, async (entry) => {
    const c = entry.conversation;
    const known = entry.recentClientIds.get(input.clientId);
    if (known !== undefined) return { seq: known, duplicate: true };
    assertAssigned(c, agent);
    assertOpen(c);
    if (!TALKING_STATES.has(c.state)) throw errors.conversationEnded(c.id);
    if (!deps.channels.adapterFor(c.channel)?.capabilities.templates) throw channelErrors.templatesNotSupported(c.channel);
    const templates = deps.directory.line(c.lineId).whatsapp?.templates ?? [];
    const template = templates.find((t) => t.name === input.name && t.language === c.language) ?? templates.find((t) => t.name === input.name);
    if (!template) throw channelErrors.unknownTemplate(input.name);
    const expected = new Set(template.body.match(/\{\{\d+\}\}/g) ?? []).size;
    if (expected !== input.parameters.length) throw channelErrors.templateParameters(input.name, expected, input.parameters.length);
    const text = template.body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => input.parameters[Number(n) - 1] ?? '');
    const actor = { kind: 'agent' as const, id: agent.id, name: agent.name };
    const [event] = await deps.recorder.record(
      entry,
      [{ type: 'message.created', actor, data: { text, template: { name: template.name, language: template.language, parameters: input.parameters } }, clientId: input.clientId }],
      false,
    );
    return { seq: event!.seq, duplicate: false };
  });
}
