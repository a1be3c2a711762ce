import { parse } from 'csv-parse/sync';
import { applyCallResult, validateContactRows, type CallResult, type ContactRowsResult, type PhoneCountry } from '../../core/campaign/index.js';
import { isOpen } from '../../core/line/opening-hours.js';
import type { Agent } from '../../core/model/index.js';
import type { CampaignContactRecord, CampaignRecord } from '../../storage/index.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { CampaignCsvError, campaignErrors } from './campaign.errors.js';
import { closeCampaignConversation, openCampaignConversation } from './campaign-call.js';
import { topics } from '../../realtime/event-bus.js';
import type { CampaignProgress } from './campaign-progress.types.js';

export interface NewCampaign {
  lineId: string;
  name: string;
  maxAttempts: number;
  retryDelayMinutes: number;
  defaultCountry: PhoneCountry;
}

export async function createCampaign(deps: ServiceDeps, tenantId: string, input: NewCampaign, createdBy: string): Promise<CampaignRecord> {
  const line = deps.directory.findLine(input.lineId);
  if (!line || line.tenantId !== tenantId) throw errors.notFound('line', input.lineId);
  const campaign: CampaignRecord = { id: newId('cp'), tenantId, lineId: line.id, name: input.name, status: 'draft', maxAttempts: input.maxAttempts, retryDelayMinutes: input.retryDelayMinutes, defaultCountry: input.defaultCountry, createdBy, createdAt: deps.clock.now() };
  await deps.repos.campaigns.insertCampaign(campaign);
  return campaign;
}

export async function requireCampaign(deps: ServiceDeps, tenantId: string, id: string): Promise<CampaignRecord> {
  const campaign = await deps.repos.campaigns.getCampaign(tenantId, id);
  if (!campaign) throw errors.notFound('campaign', id);
  return campaign;
}

export interface ImportReport {
  imported: number;
  duplicates: ContactRowsResult['duplicates'];
  doNotCall: ContactRowsResult['doNotCall'];
  /** Rows whose number the campaign already had from an earlier import (skipped). */
  alreadyInCampaign: Array<{ row: number; phone: string }>;
}

/**
 * Imports a CSV contact list (a header with a phone column; name and reference optional; comma or
 * semicolon). All or nothing: any row problem refuses the whole list with every problem listed.
 */
export async function importContacts(deps: ServiceDeps, campaign: CampaignRecord, csv: string): Promise<ImportReport> {
  let records: Array<Record<string, string>>;
  let header: string[] = [];
  const delimiter = (csv.split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';
  try {
    records = parse(csv, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      trim: true,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim());
        return header;
      },
    }) as Array<Record<string, string>>;
  } catch (error) {
    const failure = error as { message?: string; lines?: number };
    throw new CampaignCsvError([{ row: failure.lines ?? 0, column: '-', problem: failure.message ?? 'not a CSV file' }]);
  }
  const doNotCall = await deps.repos.campaigns.doNotCallSet(campaign.tenantId);
  const result = validateContactRows(header, records, { defaultCountry: campaign.defaultCountry as PhoneCountry, doNotCall });
  if (result.problems.length > 0) throw new CampaignCsvError(result.problems);
  const existing = await deps.repos.campaigns.phonesOf(campaign.id);
  const now = deps.clock.now();
  const fresh = result.contacts.filter((c) => !existing.has(c.phone));
  // One transaction: a failure halfway leaves no half-imported list.
  const rows = fresh.map((c): CampaignContactRecord => ({ id: newId('cc'), campaignId: campaign.id, tenantId: campaign.tenantId, rowNumber: c.row, phone: c.phone, name: c.name, reference: c.reference, status: 'pending', attempts: 0, nextAttemptAt: now, lastResult: null, agentId: null, updatedAt: now, conversationId: null }));
  await deps.db.kysely.transaction().execute((trx) => deps.repos.withTransaction(trx).campaigns.insertContacts(rows));
  await publishProgress(deps, campaign);
  return {
    imported: fresh.length,
    duplicates: result.duplicates,
    doNotCall: result.doNotCall,
    alreadyInCampaign: result.contacts.filter((c) => existing.has(c.phone)).map((c) => ({ row: c.row, phone: c.phone })),
  };
}

export async function setCampaignStatus(deps: ServiceDeps, campaign: CampaignRecord, status: 'running' | 'paused'): Promise<CampaignRecord> {
  await deps.repos.campaigns.setStatus(campaign.tenantId, campaign.id, status);
  const changed = { ...campaign, status };
  await publishProgress(deps, changed);
  return changed;
}

function assertWorksLine(deps: ServiceDeps, agent: Agent, campaign: CampaignRecord): void {
  const onLine = deps.directory.queuesOf(campaign.tenantId).some((q) => q.lineId === campaign.lineId && agent.queueIds.includes(q.id));
  if (!onLine) throw campaignErrors.notOnLine();
}

/** What the agent sees before calling. */
export function previewOf(contact: CampaignContactRecord) {
  return { id: contact.id, phone: contact.phone, name: contact.name, reference: contact.reference, attempts: contact.attempts, lastResult: contact.lastResult, row: contact.rowNumber };
}

/**
 * Preview dialling: the agent's next contact (the one it already holds, else the longest-due pending one,
 * taken with a conditional update so two agents never get the same contact). Only while the campaign
 * runs and the line is open; a number put on the do-not-call list after the import is closed, not given.
 */
export async function nextContact(deps: ServiceDeps, agent: Agent, campaign: CampaignRecord): Promise<CampaignContactRecord | null> {
  assertWorksLine(deps, agent, campaign);
  if (campaign.status !== 'running') throw campaignErrors.notRunning(campaign.status);
  const line = deps.directory.line(campaign.lineId);
  const now = deps.clock.now();
  if (!isOpen(line.openingHours, now)) throw errors.lineClosed(line.name);
  const held = await deps.repos.campaigns.heldBy(campaign.id, agent.id);
  if (held) return held;
  for (let round = 0; round < 5; round++) {
    const due = await deps.repos.campaigns.dueContacts(campaign.id, now, 20);
    if (due.length === 0) return null;
    for (const contact of due) {
      if (!(await deps.repos.campaigns.claim(contact.id, agent.id, now))) continue;
      if (await deps.repos.campaigns.isDoNotCall(campaign.tenantId, contact.phone)) {
        await deps.repos.campaigns.updateProgress(contact.id, { status: 'done', attempts: contact.attempts, nextAttemptAt: contact.nextAttemptAt, lastResult: 'do_not_call', agentId: null }, now);
        continue;
      }
      await publishProgress(deps, campaign);
      return { ...contact, status: 'in_progress', agentId: agent.id };
    }
  }
  return null;
}

async function requireHeld(deps: ServiceDeps, agent: Agent, campaign: CampaignRecord, contactId: string): Promise<CampaignContactRecord> {
  const contact = await deps.repos.campaigns.getContact(campaign.id, contactId);
  if (!contact) throw errors.notFound('campaign_contact', contactId);
  if (contact.status !== 'in_progress' || contact.agentId !== agent.id) throw campaignErrors.contactNotHeld();
  return contact;
}

/** The agent passes on the previewed contact: it goes back to the list, due again after the retry delay. */
export async function skipContact(deps: ServiceDeps, agent: Agent, campaign: CampaignRecord, contactId: string): Promise<void> {
  const contact = await requireHeld(deps, agent, campaign, contactId);
  const now = deps.clock.now();
  // A contact already dialled has a call: the agent records its result instead of skipping it.
  if (contact.conversationId) throw campaignErrors.alreadyDialled();
  await deps.repos.campaigns.updateProgress(contact.id, { status: 'pending', attempts: contact.attempts, nextAttemptAt: now + campaign.retryDelayMinutes * 60_000, lastResult: contact.lastResult, agentId: null }, now);
  await publishProgress(deps, campaign);
}

/**
 * The agent dials the previewed contact: the call is an outbound voice conversation assigned to the
 * agent (see campaign-call.ts). Dialling again returns the same conversation.
 */
export async function dialContact(deps: ServiceDeps, agent: Agent, campaign: CampaignRecord, contactId: string): Promise<{ conversationId: string; state: string }> {
  const contact = await requireHeld(deps, agent, campaign, contactId);
  // Do-not-call and opening hours are checked again at the moment of calling, not only at preview.
  if (await deps.repos.campaigns.isDoNotCall(campaign.tenantId, contact.phone)) throw campaignErrors.doNotCall();
  const line = deps.directory.line(campaign.lineId);
  if (!contact.conversationId && !isOpen(line.openingHours, deps.clock.now())) throw errors.lineClosed(line.name);
  const conversation = await openCampaignConversation(deps, agent, campaign, contact);
  return { conversationId: conversation.id, state: conversation.state };
}

/** The result of a call: the attempt is logged, retries scheduled, a do-not-call request listed for the tenant. */
export async function recordCallResult(deps: ServiceDeps, agent: Agent, campaign: CampaignRecord, contactId: string, input: { result: CallResult; note?: string; callbackAt?: number }): Promise<CampaignContactRecord> {
  const contact = await requireHeld(deps, agent, campaign, contactId);
  // A result without a dial (the agent called from another phone): the call still becomes a conversation.
  const conversationId = contact.conversationId ?? (await openCampaignConversation(deps, agent, campaign, contact)).id;
  const now = deps.clock.now();
  const attemptId = newId('ca');
  const progress = applyCallResult({ status: contact.status, attempts: contact.attempts, nextAttemptAt: contact.nextAttemptAt, lastResult: (contact.lastResult as CallResult | null) ?? null }, input.result, { maxAttempts: campaign.maxAttempts, retryDelayMinutes: campaign.retryDelayMinutes }, now, input.callbackAt);
  await deps.db.kysely.transaction().execute(async (trx) => {
    const repos = deps.repos.withTransaction(trx);
    await repos.campaigns.insertAttempt({ id: attemptId, campaignId: campaign.id, contactId, agentId: agent.id, result: input.result, note: input.note ?? null, at: now, conversationId });
    await repos.campaigns.updateProgress(contactId, { ...progress, agentId: progress.status === 'done' ? agent.id : null }, now);
    if (input.result === 'do_not_call') await repos.campaigns.addDoNotCall(campaign.tenantId, contact.phone, `asked during campaign ${campaign.name}`, now);
  });
  // The attempt is stored first; the conversation's wrap-up and close follow (a crash in between leaves it in the agent's desktop to close).
  await closeCampaignConversation(deps, agent, conversationId, { attemptId, result: input.result, ...(input.note ? { note: input.note } : {}) });
  await publishProgress(deps, campaign);
  return { ...contact, ...progress, conversationId: null };
}

/**
 * Pushes the campaign's progress to the tenant's campaign managers (`campaign.progress` frame on the
 * campaigns topic: supervisors and admins, the roles that may read it over HTTP; not security or special care). Best effort:
 * the change is already stored, and the campaign screen reads the progress again when it reconnects.
 */
async function publishProgress(deps: ServiceDeps, campaign: CampaignRecord): Promise<void> {
  try {
    const progress = await campaignProgress(deps, campaign);
    deps.bus.publish(topics.campaigns(campaign.tenantId), { kind: 'frame', frame: { t: 'campaign.progress', campaignId: campaign.id, progress } });
  } catch (error) {
    deps.log('warn', 'campaign progress not pushed', { campaignId: campaign.id, error: String(error) });
  }
}

/** Live progress for the supervisor (pushed as `campaign.progress`; read on load and reconnect): contacts per status and result, attempts, share done. */
export async function campaignProgress(deps: ServiceDeps, campaign: CampaignRecord): Promise<CampaignProgress> {
  const { byStatus, byResult, attempts } = await deps.repos.campaigns.counts(campaign.id);
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const done = byStatus.done ?? 0;
  return {
    campaign: { id: campaign.id, name: campaign.name, status: campaign.status, lineId: campaign.lineId, maxAttempts: campaign.maxAttempts, retryDelayMinutes: campaign.retryDelayMinutes },
    total,
    pending: byStatus.pending ?? 0,
    inProgress: byStatus.in_progress ?? 0,
    done,
    percentDone: total === 0 ? 0 : Math.round((done / total) * 1000) / 10,
    attempts,
    byResult,
  };
}
