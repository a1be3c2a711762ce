import type { Repositories } from '../repositories.js';

/** The demo's badge rule ("the mug": ≥ 10 answers in a month averaging ≥ 9.5 helpfulness) and Team A's gestures budget. */
export async function seedDemoQuality(repos: Repositories, tenantId: string, now: number): Promise<void> {
  await repos.recognition.insertBadgeRule(tenantId, { id: 'br_demo_mok', badge: 'Mok', minResponses: 10, minAverageHelpfulness: 9.5, minNps: null, active: true }, now);
  await repos.recognition.setBudget(tenantId, 'Team A', new Date(now).getUTCFullYear(), 25_000);
}
