import type { Agent, Role } from '../../core/model/index.js';

/**
 * Who manages campaigns and reads their progress: the `GET /api/campaigns/:id/progress` route and
 * the pushed `campaign.progress` frames (topic `tenant:<id>:campaigns`) use this one list, so the
 * push never reaches a role the route refuses (security and special care are on the supervisors
 * topic for incidents, not for campaigns).
 */
export const CAMPAIGN_MANAGER_ROLES: readonly Role[] = ['supervisor', 'admin'];
export const readsCampaignProgress = (agent: Agent) => agent.roles.some((r) => CAMPAIGN_MANAGER_ROLES.includes(r));
