import type { Agent, Line, LineVoiceSettings, Queue } from '../../core/model/index.js';
import { AppError } from '../../core/errors/app-error.js';
import { parseAbusePolicy } from '../../core/policy/index.js';
import { errors } from '../app.errors.js';
import { hashPassword } from '../auth/password.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { sealVoiceToken } from '../voice/line-voice-credentials.js';
import type { AgentInput, LineInput, QueueInput } from './admin.schemas.js';

/**
 * What an admin changes to set a contact center up: lines, queues, agents. Each change is
 * checked against the rest of the tenant's configuration, stored, and then loaded into the
 * directory and the routing engine, so it takes effect without a restart.
 */
export async function saveLine(deps: ServiceDeps, tenantId: string, input: LineInput, existingId?: string): Promise<Line> {
  const previous = existingId ? deps.directory.line(existingId) : undefined;
  if (previous && previous.tenantId !== tenantId) throw errors.notFound('line', existingId!);
  // A policy that does not validate is refused now (400 ABUSE_POLICY_INVALID, naming each problem), not at the first abusive message.
  if (input.abusePolicy) parseAbusePolicy(input.abusePolicy);
  const queues = deps.directory.queuesOf(tenantId);
  // A new line may name a queue that is created right after it; an existing one must point at its own queues.
  if (previous && !queues.some((q) => q.id === input.defaultQueueId && q.lineId === previous.id)) {
    throw invalid(`defaultQueueId ${input.defaultQueueId} is not a queue of this line`);
  }
  // A new line's queue may come later, but it may never be another tenant's queue.
  if (!previous && !queues.some((q) => q.id === input.defaultQueueId) && (await idTakenElsewhere(deps, 'queues', input.defaultQueueId, tenantId))) {
    throw invalid(`defaultQueueId ${input.defaultQueueId} is not a queue of this tenant`);
  }
  for (const queueId of Object.values(input.topicQueues)) {
    if (!queues.some((q) => q.id === queueId)) throw invalid(`topicQueues names unknown queue ${queueId}`);
  }
  const { email, whatsapp, voice, ...rest } = input;
  const voiceSettings = lineVoiceSettings(deps, tenantId, voice, previous?.voice);
  const emailSettings = email === undefined ? previous?.email : (email ?? undefined);
  const whatsappSettings = whatsapp === undefined ? previous?.whatsapp : (whatsapp ?? undefined);
  assertChannelAddressesFree(deps, existingId, emailSettings?.address, whatsappSettings?.phoneNumberId);
  const line: Line = {
    ...rest,
    ...(emailSettings ? { email: emailSettings } : {}),
    ...(whatsappSettings ? { whatsapp: whatsappSettings } : {}),
    ...(voiceSettings ? { voice: voiceSettings } : {}),
    id: previous?.id ?? input.id ?? newId('ln'),
    tenantId,
    clientId: input.clientId ?? previous?.clientId ?? newId('cl'),
    contextSecret: input.contextSecret ?? previous?.contextSecret ?? null,
    ...(input.bot || previous?.bot ? { bot: input.bot ?? previous?.bot } : {}),
    ...(input.abusePolicy || previous?.abusePolicy ? { abusePolicy: input.abusePolicy ?? previous?.abusePolicy } : {}),
    ...(input.retention !== undefined ? { retention: input.retention } : previous?.retention ? { retention: previous.retention } : {}),
  };
  if (previous) await deps.repos.lines.updateLine(line);
  else {
    if (deps.directory.findLine(line.id)) throw conflict(`line ${line.id} exists`);
    await deps.repos.tenants.insertClient({ id: line.clientId, tenantId, name: line.name });
    await deps.repos.lines.insertLine(line);
  }
  await deps.directory.reloadTenant(tenantId);
  return line;
}

/** The line's voice account as stored: a new token is sealed; without one the stored token is kept (a first setting needs one). */
function lineVoiceSettings(deps: ServiceDeps, tenantId: string, input: LineInput['voice'], previous: LineVoiceSettings | undefined): LineVoiceSettings | undefined {
  if (input === undefined) return previous;
  if (input === null) return undefined;
  const authTokenSealed = input.authToken ? sealVoiceToken(deps.directory.tenant(tenantId).secret, input.authToken) : previous?.authTokenSealed;
  if (!authTokenSealed) throw invalid('voice.authToken is required when a line first gets its own voice account');
  return { accountSid: input.accountSid, authTokenSealed, callerId: input.callerId };
}

/** A mailbox or WhatsApp number belongs to one line: inbound mail and webhooks find their line by it. */
function assertChannelAddressesFree(deps: ServiceDeps, lineId: string | undefined, address: string | undefined, phoneNumberId: string | undefined): void {
  for (const other of deps.directory.allLines()) {
    if (other.id === lineId) continue;
    if (address && other.email?.address === address) throw conflict(`email address ${address} belongs to line ${other.id}`);
    if (phoneNumberId && other.whatsapp?.phoneNumberId === phoneNumberId) throw conflict(`WhatsApp phone-number id ${phoneNumberId} belongs to line ${other.id}`);
  }
}

export async function saveQueue(deps: ServiceDeps, tenantId: string, input: QueueInput, existingId?: string): Promise<Queue> {
  const previous = existingId ? deps.directory.findQueue(tenantId, existingId) : undefined;
  if (existingId && !previous) throw errors.notFound('queue', existingId);
  const line = deps.directory.findLine(input.lineId);
  if (!line || line.tenantId !== tenantId) throw invalid(`line ${input.lineId} does not exist`);
  const id = previous?.id ?? input.id ?? newId('qu');
  if (input.overflow && (input.overflow.toQueueId === id || !deps.directory.findQueue(tenantId, input.overflow.toQueueId))) {
    throw invalid(`overflow target ${input.overflow.toQueueId} must be another existing queue`);
  }
  const queue: Queue = { ...input, id, tenantId };
  if (previous) await deps.repos.lines.updateQueue(queue);
  else {
    // Ids are global keys: one taken by another tenant is a conflict too (not a database error).
    if (deps.directory.findQueue(tenantId, id) || (await idTakenElsewhere(deps, 'queues', id, tenantId))) throw conflict(`queue ${id} exists`);
    await deps.repos.lines.insertQueue(queue);
  }
  await deps.directory.reloadTenant(tenantId);
  deps.routing.upsertQueue(queue);
  return queue;
}

export async function saveAgent(deps: ServiceDeps, tenantId: string, input: AgentInput, existingId?: string): Promise<Agent> {
  const previous = existingId ? deps.directory.findAgent(tenantId, existingId) : undefined;
  if (existingId && !previous) throw errors.notFound('agent', existingId);
  for (const queueId of input.queueIds) if (!deps.directory.findQueue(tenantId, queueId)) throw invalid(`queue ${queueId} does not exist`);
  const { password, ...profile } = input;
  const agent: Agent = { ...profile, id: previous?.id ?? input.id ?? newId('us'), tenantId, status: previous?.status ?? 'offline' };
  const now = deps.clock.now();
  if (previous) {
    await deps.repos.users.update(agent);
    if (password) await deps.repos.users.setPasswordHash(tenantId, agent.id, await hashPassword(password));
  } else {
    if (!password) throw invalid('a new agent needs a password');
    if (await deps.repos.users.findCredentials(agent.email)) throw conflict(`a user with email ${agent.email} exists`);
    if (await idTakenElsewhere(deps, 'users', agent.id, '')) throw conflict(`user ${agent.id} exists`);
    await deps.repos.users.insert(agent, await hashPassword(password), now);
  }
  deps.directory.putAgent(agent);
  deps.routing.upsertAgent(agent);
  return agent;
}

/** True when a row with this id exists in another tenant than `tenantId` ('' : in any tenant); ids are global primary keys. */
async function idTakenElsewhere(deps: ServiceDeps, table: 'queues' | 'lines' | 'users', id: string, tenantId: string): Promise<boolean> {
  const row = await deps.db.kysely.selectFrom(table).select('tenant_id').where('id', '=', id).executeTakeFirst();
  return row !== undefined && row.tenant_id !== tenantId;
}

function invalid(message: string): AppError {
  return new AppError('ADMIN_INVALID', message, { status: 422 });
}

function conflict(message: string): AppError {
  return new AppError('ADMIN_CONFLICT', message, { status: 409 });
}
