import { z } from 'zod';
import type { Role } from '../model/agent.js';
import type { Channel, Language } from '../model/channel.js';
import { ESCALATION_TARGETS, type AbusePolicy } from './abuse-policy.schema.js';
import { hoursFrom, minutesFrom } from './block-expiry.js';
import type { AbuseAction } from './abuse-decision.types.js';

const reason = z.string().trim().min(3, 'a reason of at least 3 characters is required');
const MINUTES_PER_DAY = 24 * 60;

/** What an agent may trigger by hand; `suggest_time_out` is the system's, not theirs. */
export const manualActionRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('warn'), message: z.string().trim().min(1).optional() }),
  z.object({ kind: z.literal('time_out'), minutes: z.int().min(1).max(MINUTES_PER_DAY).optional() }),
  z.object({ kind: z.literal('end'), reason }),
  z.object({
    kind: z.literal('block'),
    contactKey: z.string().min(1, 'a block needs the contact key'),
    reason,
    hours: z.number({ error: 'a block needs an expiry in hours (null only for a permanent block)' }).positive('the block expiry must be in the future').nullable(),
  }),
  z.object({ kind: z.literal('escalate'), target: z.enum(ESCALATION_TARGETS), reason }),
  z.object({ kind: z.literal('open_incident'), incidentKind: z.enum(['swearing', 'threat', 'discrimination', 'prank', 'sexual']), reason }),
  z.object({ kind: z.literal('agent_care_task'), reason }),
]);
export type ManualActionRequest = z.infer<typeof manualActionRequestSchema>;

/** Roles that handle conversations or their follow-up; executives and content managers do not sanction contacts. */
export const MANUAL_ACTION_ROLES: readonly Role[] = ['agent', 'supervisor', 'admin', 'security', 'special_care'];

export interface ManualActionInput {
  policy: AbusePolicy;
  request: unknown;
  actor: { userId: string; role: Role };
  channel: Channel;
  language: Language;
  now: number;
}

export type ManualActionResult = { ok: true; action: AbuseAction } | { ok: false; errors: string[] };

function blockErrors(policy: AbusePolicy, hours: number | null, role: Role): string[] {
  const security = role === 'security';
  if (hours === null) {
    if (!policy.block.allowPermanent) return ['permanent blocks are off in this policy (block.allowPermanent)'];
    return security ? [] : ['only security may block without an expiry'];
  }
  if (hours > policy.block.maxHours && !security) return [`block of ${hours} h exceeds the policy maximum of ${policy.block.maxHours} h; ask security`];
  return [];
}

function toAction(input: ManualActionInput, request: ManualActionRequest): AbuseAction {
  const { policy, language, channel, now, actor } = input;
  switch (request.kind) {
    case 'warn':
      return { kind: 'warn', message: request.message ?? policy.messages.swearingWarning[language] };
    case 'time_out': {
      const minutes = request.minutes ?? policy.swearing.timeOutMinutes;
      const recordedMessage = channel === 'voice' ? { kind: 'audio' as const, audioRef: policy.messages.timeOutAudio[language] } : { kind: 'text' as const, text: policy.messages.timeOut[language].replace('{minutes}', String(minutes)) };
      return { kind: 'time_out', minutes, until: minutesFrom(now, minutes), pauseConversation: true, recordedMessage };
    }
    case 'end':
      return { kind: 'end', message: policy.messages.end[language] };
    case 'block':
      return { kind: 'block', contactKey: request.contactKey, hours: request.hours, until: request.hours === null ? null : hoursFrom(now, request.hours), reason: request.reason, decidedBy: { by: 'user', userId: actor.userId, role: actor.role } };
    default:
      return request;
  }
}

/**
 * Checks a step an agent triggers by hand (the flag button) against the line's policy and fills
 * it in like the automatic ones. A block needs a reason and an expiry within the policy's
 * maximum; only security may go beyond it, and only when the policy allows, block for good.
 */
export function manualAction(input: ManualActionInput): ManualActionResult {
  if (!MANUAL_ACTION_ROLES.includes(input.actor.role)) return { ok: false, errors: [`role ${input.actor.role} may not take abuse actions`] };
  const parsed = manualActionRequestSchema.safeParse(input.request);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)) };
  const request = parsed.data;
  const errors = request.kind === 'block' ? blockErrors(input.policy, request.hours, input.actor.role) : [];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, action: toAction(input, request) };
}
