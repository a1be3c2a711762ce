import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CampaignCsvError } from '../../app/campaigns/campaign.errors.js';
import { campaignProgress, createCampaign, dialContact, importContacts, nextContact, previewOf, recordCallResult, requireCampaign, setCampaignStatus, skipContact } from '../../app/campaigns/campaign.service.js';
import { CALL_RESULTS, PHONE_COUNTRIES } from '../../core/campaign/index.js';
import { requireRoles, sessionOf } from '../auth-hooks.js';
import { CAMPAIGN_MANAGER_ROLES } from '../../app/campaigns/campaign-access.js';
import { typed, type RouteContext } from './route-context.js';

const campaignParams = z.object({ campaignId: z.string().min(1).max(64) });
const contactParams = campaignParams.extend({ contactId: z.string().min(1).max(64) });
const newCampaign = z.object({
  lineId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  maxAttempts: z.int().min(1).max(10).default(3),
  retryDelayMinutes: z.int().min(1).max(7 * 24 * 60).default(60),
  defaultCountry: z.enum(Object.keys(PHONE_COUNTRIES) as [keyof typeof PHONE_COUNTRIES]).default('BE'),
});
const resultBody = z.object({ result: z.enum(CALL_RESULTS), note: z.string().max(2000).optional(), callbackAt: z.iso.datetime().optional() });

/**
 * Outbound campaigns: supervisors create a campaign, import its contact list (CSV), start it and follow
 * its progress; agents work it by preview dialling (next → call or skip → result).
 */
export async function campaignRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = typed(app);
  const { deps } = ctx;
  const managers = { preValidation: requireRoles(ctx.auth, deps.directory, CAMPAIGN_MANAGER_ROLES) };
  const agents = { preValidation: requireRoles(ctx.auth, deps.directory, ['agent', 'supervisor']) };
  const tags = ['campaigns'];
  const who = (request: Parameters<typeof sessionOf>[0]) => {
    const { agent } = sessionOf(request);
    return deps.directory.agent(agent.tenantId, agent.id);
  };

  r.post('/api/campaigns', { ...managers, schema: { tags, summary: 'Create a campaign (draft)', body: newCampaign } }, async (request, reply) =>
    reply.status(201).send(await createCampaign(deps, who(request).tenantId, request.body, who(request).id)),
  );
  r.get('/api/campaigns', { ...agents, schema: { tags, summary: 'Campaigns of my tenant, and the voice lines a campaign can run on' } }, async (request) => {
    const tenantId = who(request).tenantId;
    return {
      campaigns: await deps.repos.campaigns.listCampaigns(tenantId),
      lines: deps.directory
        .linesOf(tenantId)
        .filter((l) => l.channels.includes('voice'))
        .map((l) => ({ id: l.id, name: l.name })),
    };
  });
  r.post(
    '/api/campaigns/:campaignId/contacts',
    // A list of tens of thousands of numbers is a few MB of JSON.
    { ...managers, bodyLimit: 8 * 1024 * 1024, schema: { tags, summary: 'Import a CSV contact list (all or nothing; 422 CAMPAIGN_CSV_INVALID lists every row problem)', params: campaignParams, body: z.object({ csv: z.string().min(1).max(6_000_000) }) } },
    async (request, reply) => {
      const campaign = await requireCampaign(deps, who(request).tenantId, request.params.campaignId);
      try {
        return await importContacts(deps, campaign, request.body.csv);
      } catch (error) {
        if (error instanceof CampaignCsvError) return reply.status(422).send({ error: { code: error.code, message: error.userMessage, problems: error.problems } });
        throw error;
      }
    },
  );
  for (const [action, status] of [
    ['start', 'running'],
    ['pause', 'paused'],
  ] as const) {
    r.post(`/api/campaigns/:campaignId/${action}`, { ...managers, schema: { tags, summary: `${action} the campaign`, params: campaignParams } }, async (request) =>
      setCampaignStatus(deps, await requireCampaign(deps, who(request).tenantId, request.params.campaignId), status),
    );
  }
  r.get('/api/campaigns/:campaignId/progress', { ...managers, schema: { tags, summary: 'Progress now (pushed to supervisors as campaign.progress frames; read it on load and after a reconnect)', params: campaignParams } }, async (request) =>
    campaignProgress(deps, await requireCampaign(deps, who(request).tenantId, request.params.campaignId)),
  );
  r.post('/api/campaigns/:campaignId/next', { ...agents, schema: { tags, summary: 'Preview dialling: my next contact (null when none is due)', params: campaignParams } }, async (request) => {
    const contact = await nextContact(deps, who(request), await requireCampaign(deps, who(request).tenantId, request.params.campaignId));
    return { contact: contact ? previewOf(contact) : null };
  });
  r.post('/api/campaigns/:campaignId/contacts/:contactId/skip', { ...agents, schema: { tags, summary: 'Pass on the previewed contact', params: contactParams } }, async (request, reply) => {
    await skipContact(deps, who(request), await requireCampaign(deps, who(request).tenantId, request.params.campaignId), request.params.contactId);
    return reply.status(204).send();
  });
  r.post(
    '/api/campaigns/:campaignId/contacts/:contactId/dial',
    { ...agents, schema: { tags, summary: 'Call the previewed contact: an outbound voice conversation assigned to me (the same one when dialled again)', params: contactParams } },
    async (request) => dialContact(deps, who(request), await requireCampaign(deps, who(request).tenantId, request.params.campaignId), request.params.contactId),
  );
  r.post('/api/campaigns/:campaignId/contacts/:contactId/result', { ...agents, schema: { tags, summary: 'The result of the call: its wrap-up code, and the call conversation is closed (retries and do-not-call follow from it)', params: contactParams, body: resultBody } }, async (request) => {
    const campaign = await requireCampaign(deps, who(request).tenantId, request.params.campaignId);
    const { result, note, callbackAt } = request.body;
    const contact = await recordCallResult(deps, who(request), campaign, request.params.contactId, { result, ...(note ? { note } : {}), ...(callbackAt ? { callbackAt: Date.parse(callbackAt) } : {}) });
    return { contact: { ...previewOf(contact), status: contact.status, nextAttemptAt: new Date(contact.nextAttemptAt).toISOString() } };
  });
}
